import type { ModelRegistry } from '../core/models.js';
import type { GeminiPort } from './gemini-port.js';
import type { RequestLogEntry } from './logger.js';
import type { TokenOwner, TokenVerifier } from './team-tokens.js';

/** Settings the proxy runs with; `server.ts` builds them from the environment. */
export interface ProxyConfig {
  mode: 'offline' | 'gemini' | 'vertex';
  version: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Values that must never appear in a response or a log line (the Gemini key); scrubbed wherever text passes on. */
  secrets: string[];
  /** Scales every per-model timeout (tests use a small factor). */
  timeoutScale: number;
}

/** Everything `createApp` needs; tests build it with real parts pointed at doubles. */
export interface AppDeps {
  gemini: GeminiPort;
  registry: ModelRegistry;
  tokens: TokenVerifier;
  config: ProxyConfig;
  log?: (entry: RequestLogEntry) => void;
}

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  owner: TokenOwner;
  logFields: Partial<RequestLogEntry>;
}

export type AppEnv = { Variables: AppVariables };
