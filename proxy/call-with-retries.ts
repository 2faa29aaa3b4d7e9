/**
 * Retries an upstream call on the failures that are worth retrying (429, 500, 503 and dropped connections),
 * bounded in attempts and in time. The SDK's own retries are off (its default) because they ignore `RetryInfo`
 * (docs/gemini-platform.md#sdk-errors); here a delay Google sends is honoured, a delay too long to wait for is answered at once
 * (the 429 carries `Retry-After`), and no wait ever runs past the request's deadline.
 */
import { ProxyError } from './proxy-error.js';

export interface RetryPolicy {
  /** Upstream calls at most, the first one included. */
  maxAttempts: number;
  /** Longest `RetryInfo` delay waited for, in seconds; longer ones are passed on to the client at once. */
  maxWaitSeconds: number;
  /** First backoff when Google gave no delay; doubled per attempt, with jitter. */
  baseDelayMs: number;
  /** Multiplies every wait; tests use a small factor so a "2s" RetryInfo takes milliseconds. */
  delayScale: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxWaitSeconds: 10,
  baseDelayMs: 1000,
  delayScale: 1,
};

/** Codes of transient upstream failures: rate limited, overloaded or dropped, internal error. */
const RETRYABLE = new Set(['upstream_rate_limited', 'upstream_unavailable', 'upstream_error']);

export interface RetryOptions {
  policy: RetryPolicy;
  /** `performance.now()` by which every attempt and wait must be over. */
  deadline: number;
  /** The client's signal: aborting it aborts the call in flight, or the wait. */
  signal: AbortSignal;
  /** The error for a call still running at the deadline. */
  onTimeout: () => ProxyError;
  /** Told of each attempt as it starts (1-based), so a failed request's usage row knows how many were made. */
  onAttempt?: (attempt: number) => void;
  /** Jitter source, 0 ≤ x < 1. */
  random?: () => number;
}

/** Runs `call` until it succeeds, fails for good, or time or attempts run out. */
export async function callWithRetries<T>(call: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, deadline, signal: client } = options;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw options.onTimeout();
    const timeout = AbortSignal.timeout(Math.ceil(remaining));
    options.onAttempt?.(attempt);
    try {
      return await call(AbortSignal.any([client, timeout]));
    } catch (error) {
      if (client.aborted) throw new ProxyError('cancelled');
      if (timeout.aborted) throw options.onTimeout();
      if (!(error instanceof ProxyError) || !RETRYABLE.has(error.code) || attempt >= policy.maxAttempts) throw error;
      const told = error.upstreamRetryDelaySeconds;
      if (told !== null && told > policy.maxWaitSeconds) throw error;
      // Google's delay is a minimum: wait it plus up to 20 %; otherwise exponential backoff with full jitter.
      const wait =
        told !== null
          ? told * 1000 * (1 + random() * 0.2)
          : policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + random() * 0.5);
      const scaled = wait * policy.delayScale;
      if (performance.now() + scaled >= deadline) throw error;
      await sleep(scaled, client);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ProxyError('cancelled'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ProxyError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
