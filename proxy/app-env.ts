import type { ModelRegistry } from '../core/models.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './call-with-retries.js';
import type { Clock } from './clock.js';
import type { FairQueue } from './fair-queue.js';
import type { GeminiPort } from './gemini-port.js';
import type { RequestLogEntry } from './logger.js';
import type { ProxyStore, TeamMember } from './store/store.js';

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
  /** Bearer token for `/admin/*`; null turns the admin routes off with a 403 that says how to turn them on. */
  adminToken: string | null;
  /** The dev team token; `/playground/config.json` hands it out in offline mode only. */
  devToken: string | null;
  /** Upstream calls in flight at once, over all designers (`BANANA_MAX_CONCURRENT`). */
  maxConcurrent: number;
  /** Requests that may wait for a slot at once; more are refused with `proxy_busy`. */
  maxQueue: number;
  /** Cache cap in bytes (`BANANA_CACHE_MB`); 0 turns the cache off. */
  cacheBytes: number;
  /** Log prompt text, truncated (`BANANA_LOG_PROMPTS`). Never images, tokens or the key. */
  logPrompts: boolean;
  retry: RetryPolicy;
  /** Folder served at `/playground` (the built playground, `dist/playground`); null serves nothing there. */
  playgroundDir: string | null;
}

/** Config with every optional knob at its default, for tests and tools that set only what they care about. */
export function proxyConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    mode: 'offline',
    version: '0.0.0',
    maxBodyBytes: 64 * 1024 * 1024,
    secrets: [],
    timeoutScale: 1,
    adminToken: null,
    devToken: null,
    maxConcurrent: 8,
    maxQueue: 500,
    cacheBytes: 512 * 1024 * 1024,
    logPrompts: false,
    retry: DEFAULT_RETRY_POLICY,
    playgroundDir: null,
    ...overrides,
  };
}

/** Everything `createApp` needs; tests build it with real parts pointed at doubles. */
export interface AppDeps {
  gemini: GeminiPort;
  registry: ModelRegistry;
  /** Tokens, usage and cache; a real SQLite store in tests too (in a temp dir). */
  store: ProxyStore;
  config: ProxyConfig;
  /** Wall-clock time; the system clock when absent. */
  clock?: Clock;
  /** The upstream concurrency cap; built from `config.maxConcurrent` when absent. */
  queue?: FairQueue;
  log?: (entry: RequestLogEntry) => void;
}

/** `AppDeps` with its defaults filled in, as the routes see them. */
export interface AppContext extends AppDeps {
  clock: Clock;
  queue: FairQueue;
}

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  owner: TeamMember;
  logFields: Partial<RequestLogEntry>;
}

export type AppEnv = { Variables: AppVariables };
