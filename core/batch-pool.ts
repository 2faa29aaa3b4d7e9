/**
 * The batch's pool (docs/batch.md#run-now): its calls run a few at a time, within the proxy's fair share of Gemini
 * per person, and a call the proxy asks to wait for (429 `limit_reached` or `upstream_rate_limited`, 503
 * `proxy_busy`, each with `Retry-After`: docs/proxy-api.md) waits that long and goes again, rather than being
 * counted failed, so 40 frames never fail just because they queued behind each other. A wait longer than
 * {@link MAX_POOL_WAIT_SECONDS} (a daily limit resets in hours) is a failure that says so. Pure apart from the
 * `sleepAsync` it is given, so it is tested with a clock of its own.
 */
import { appError, type AppError, type ErrorCode } from './errors.js';
import { fail, type Result } from './result.js';

/** Calls in flight at once when the proxy says nothing else: its default share per person is more than this. */
export const DEFAULT_POOL_SIZE = 4;
/** Longest `Retry-After` the pool waits out, in seconds; a longer one ends the call with the proxy's words. */
export const MAX_POOL_WAIT_SECONDS = 120;
/** Most times one call is sent again after being asked to wait. */
export const MAX_POOL_WAITS = 6;

/** The refusals that mean "not now, later", not "no". */
const WAIT_CODES: readonly ErrorCode[] = ['limit_reached', 'upstream_rate_limited', 'proxy_busy'];

/** How long to wait before sending a refused call again, in ms, or null when it is a failure to report. */
export function poolWaitMs(error: AppError, waits: number): number | null {
  if (!WAIT_CODES.includes(error.code) || waits >= MAX_POOL_WAITS) return null;
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined || !(seconds >= 0) || seconds > MAX_POOL_WAIT_SECONDS) return null;
  return Math.max(1, seconds) * 1000;
}

/** How the pool is run. */
export interface PoolOptions<T> {
  /** How many tasks, by index 0…count-1. */
  count: number;
  /** Tasks in flight at once (at least 1). */
  size: number;
  signal: AbortSignal;
  /** One attempt at task `index`. */
  attemptAsync(index: number): Promise<Result<T>>;
  /** Called once per task with how it ended (not for a wait). */
  settle(index: number, result: Result<T>): void;
  /** Called when a task is asked to wait `ms` before going again (the panel says so). */
  onWait?(index: number, ms: number): void;
  /** Waits `ms`, or less when `signal` is aborted. */
  sleepAsync(ms: number, signal: AbortSignal): Promise<void>;
}

/**
 * Runs every task, at most `size` at once, in index order; a task asked to wait sleeps and goes again in its own
 * place in the pool. After an abort no new task starts and a waiting one ends `cancelled`; the ones in flight end
 * as their attempt does (the caller's signal aborts them). Resolves once every started task has settled.
 */
export async function runPoolAsync<T>(options: PoolOptions<T>): Promise<void> {
  const { count, signal } = options;
  let next = 0;
  const workerAsync = async (): Promise<void> => {
    while (next < count && !signal.aborted) {
      const index = next++;
      options.settle(index, await attemptWithWaitsAsync(options, index));
    }
  };
  const size = Math.max(1, Math.min(Math.floor(options.size), count));
  await Promise.all(Array.from({ length: size }, () => workerAsync()));
}

async function attemptWithWaitsAsync<T>(options: PoolOptions<T>, index: number): Promise<Result<T>> {
  for (let waits = 0; ; waits++) {
    if (options.signal.aborted) return fail(appError('cancelled'));
    const result = await options.attemptAsync(index);
    if (result.ok) return result;
    const ms = poolWaitMs(result.error, waits);
    if (ms === null || options.signal.aborted) return result;
    options.onWait?.(index, ms);
    await options.sleepAsync(ms, options.signal);
  }
}
