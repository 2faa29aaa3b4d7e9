import type { ModelRegistry } from '../core/models.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './call-with-retries.js';
import type { AuthThrottle } from './auth-throttle.js';
import type { BodyBudget } from './body-budget.js';
import type { Clock } from './clock.js';
import { DEFAULT_SERVING_LIMITS, type ServingLimits } from './config.js';
import type { FairQueue } from './fair-queue.js';
import type { FaultCounts } from './fault-counts.js';
import type { GeminiPort } from './gemini-port.js';
import type { RequestLogEntry } from './logger.js';
import type { ModelAvailability } from './model-availability.js';
import type { ProxyStore, TeamMember } from './store/store.js';

/** Settings the proxy runs with; `server.ts` builds them from the environment. */
export interface ProxyConfig extends ServingLimits {
  mode: 'offline' | 'gemini' | 'vertex';
  version: string;
  /** Values that must never appear in a response or a log line (the Gemini key); scrubbed wherever text passes on. */
  secrets: string[];
  /** Scales every per-model timeout (tests use a small factor). */
  timeoutScale: number;
  /** Bearer token for `/admin/*`; null turns the admin routes off with a 403 that says how to turn them on. */
  adminToken: string | null;
  /** The dev team token; `/playground/config.json` hands it out in offline mode only. */
  devToken: string | null;
  retry: RetryPolicy;
  /** Folder served at `/playground` (the built playground, `dist/playground`); null serves nothing there. */
  playgroundDir: string | null;
}

/** Config with every optional knob at its default, for tests and tools that set only what they care about. */
export function proxyConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    mode: 'offline',
    version: '0.0.0',
    secrets: [],
    timeoutScale: 1,
    adminToken: null,
    devToken: null,
    ...DEFAULT_SERVING_LIMITS,
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
  /** Which configured models the key can reach (`model-availability.ts`); every model when absent. */
  availability?: ModelAvailability;
  /** The upstream concurrency cap; built from `config.maxConcurrent` when absent. */
  queue?: FairQueue;
  log?: (entry: RequestLogEntry) => void;
}

/** `AppDeps` with its defaults filled in, as the routes see them. */
export interface AppContext extends AppDeps {
  clock: Clock;
  availability: ModelAvailability;
  queue: FairQueue;
  authThrottle: AuthThrottle;
  /** The same, for the admin token on `/admin/api/*`: a budget of its own. */
  adminThrottle: AuthThrottle;
  /** Reservations older than this are left over from a stopped instance (`reservation-ttl.ts`). */
  reservationTtlMs: number;
  /** Store work that failed without failing its request, since start (`fault-counts.ts`). */
  faults: FaultCounts;
  /** Request-body bytes held in memory, per person and in total (`body-budget.ts`). */
  bodyBudget: BodyBudget;
}

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  owner: TeamMember;
  logFields: Partial<RequestLogEntry>;
}

export type AppEnv = { Variables: AppVariables };
