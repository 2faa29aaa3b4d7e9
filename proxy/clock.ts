/**
 * Wall-clock time for everything the proxy counts by date (daily and monthly limits, usage days, cache recency).
 * Injected into `createApp` so tests can stand on a day or month boundary; latencies use `performance.now()`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
