import type { ModelRegistry } from '../core/models.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './call-with-retries.js';
import type { AuthThrottle } from './auth-throttle.js';
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
  /** Longest a request waits for a slot before `proxy_busy` (`BANANA_MAX_QUEUE_WAIT_S`). */
  maxQueueWaitMs: number;
  /** Failed token checks one client address may make per minute before 429 (`BANANA_AUTH_FAILURES_PER_MIN`). */
  authFailuresPerClient: number;
  /** Failed token checks per minute over all addresses on this instance before 429 (except known-good addresses). */
  authFailuresGlobal: number;
  /** Proxies in front of this one that append to `X-Forwarded-For` (`BANANA_TRUST_PROXY_HOPS`); 0 trusts none. */
  trustProxyHops: number;
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
    maxQueueWaitMs: 300_000,
    authFailuresPerClient: 10,
    authFailuresGlobal: 300,
    trustProxyHops: 0,
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
  authThrottle: AuthThrottle;
  /** Reservations older than this are left over from a stopped instance (`reservation-ttl.ts`). */
  reservationTtlMs: number;
}

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  owner: TeamMember;
  logFields: Partial<RequestLogEntry>;
}

export type AppEnv = { Variables: AppVariables };
