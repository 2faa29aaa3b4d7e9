/**
 * What the proxy's app is built from (`ProxyAppDeps`, given to `createApp`) and what its routes share
 * (`AppContext`: the same with defaults filled in, plus the per-instance state).
 */
import type { ModelRegistry } from '../core/models.js';
import type { AuthThrottle } from './auth-throttle.js';
import type { BodyBudget } from './body-budget.js';
import type { Clock } from './clock.js';
import type { FairQueue } from './fair-queue.js';
import type { FaultCounts } from './fault-counts.js';
import type { GeminiPort } from './gemini-port.js';
import type { RequestLogEntry } from './logger.js';
import type { ModelAvailability } from './model-availability.js';
import type { ProxyConfig } from './proxy-config.js';
import type { ProxyStore } from './store/store.js';

/** Everything `createApp` needs; tests build it with real parts pointed at doubles. */
export interface ProxyAppDeps {
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

/** `ProxyAppDeps` with its defaults filled in, and the per-instance state, as the routes see them. */
export interface AppContext extends ProxyAppDeps {
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
