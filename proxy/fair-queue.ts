/**
 * A cap on concurrent upstream calls with fair queueing: waiting requests are grouped per person and served
 * round-robin (a free slot goes to the waiting person who was let through least recently, a newcomer first), so
 * one designer's burst of 4K variants cannot starve everyone else. The queue is bounded, and so is each person's
 * share of it: past `maxWaitingPerKey` waiting calls, or past a fair share of a full queue (its size over the
 * people waiting), only that person is refused (429 `limit_reached`); when the queue is full and a newcomer
 * arrives, the newest call of whoever holds more than a fair share makes room. `proxy_busy` is left for a queue
 * that holds more people than places. A waiting request whose client gives up leaves the queue.
 *
 * The cap is per proxy process: it protects this process's memory and the key's quota from one instance's
 * load. Limits that must hold across instances (images, budget, rate) live in the store's transactions instead.
 */
import { queueFullError, overShareError, waitedTooLongError } from './fair-queue-refusals.js';
import {
  addWaiter,
  fairShare,
  grantSlot,
  makeRoomFor,
  newQueueState,
  removeWaiter,
  type QueueState,
  type Release,
  type Waiter,
} from './fair-queue-state.js';
import { ProxyError } from './proxy-error.js';

export type { Release } from './fair-queue-state.js';

export interface FairQueue {
  /**
   * Resolves with a release function once a slot is free for `key` (a person). Rejects with `proxy_busy` when
   * the queue is full, or `cancelled` when `signal` aborts while waiting.
   */
  acquire(key: string, signal?: AbortSignal): Promise<Release>;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

export interface FairQueueOptions {
  maxConcurrent: number;
  /** Most calls that may wait at once, over all people. */
  maxWaiting: number;
  /** Most calls one person may have waiting at once (`BANANA_MAX_QUEUE_PER_PERSON`); absent: `maxWaiting`. */
  maxWaitingPerKey?: number;
  /**
   * Longest one call may wait for a slot; past it the call is refused with `proxy_busy`. Bounding the wait bounds
   * how long a live request can hold its reservation (see `reservation-ttl.ts`). Absent: no bound.
   */
  maxWaitMs?: number;
}

export function createFairQueue(options: FairQueueOptions): FairQueue {
  const state = newQueueState(options.maxConcurrent, options.maxWaiting);
  return {
    get active() {
      return state.active;
    },
    get waiting() {
      return state.waiting;
    },
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(new ProxyError('cancelled'));
      if (state.active < state.maxConcurrent && state.waiting === 0) return Promise.resolve(grantSlot(state, key));
      const refusal = refusalFor(state, options, key);
      return refusal ? Promise.reject(refusal) : waitForSlot(state, key, options.maxWaitMs, signal);
    },
  };
}

/**
 * Why `key` may not wait now, or null when it may. A full queue first makes room when someone else holds more than
 * a fair share of it (their newest call is refused).
 */
function refusalFor(state: QueueState, options: FairQueueOptions, key: string): ProxyError | null {
  const own = state.queues.get(key)?.length ?? 0;
  if (own >= (options.maxWaitingPerKey ?? options.maxWaiting) && options.maxWaiting > 0) {
    return overShareError(own);
  }
  if (state.waiting >= options.maxWaiting && !makeRoomFor(state, key, own)) {
    if (own > 0 && own >= fairShare(state, own)) return overShareError(own);
    return queueFullError(state.waiting);
  }
  return null;
}

/** Waits in `key`'s line until its turn, `maxWaitMs` passes (`proxy_busy`) or `signal` aborts (`cancelled`). */
function waitForSlot(
  state: QueueState,
  key: string,
  maxWaitMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Release> {
  return new Promise<Release>((resolve, reject) => {
    const onAbort = (): void => waiter.cancel(new ProxyError('cancelled'));
    const timer =
      maxWaitMs === undefined ? undefined : setTimeout(() => waiter.cancel(waitedTooLongError(maxWaitMs)), maxWaitMs);
    const stopWatching = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const waiter: Waiter = {
      grant: (release) => {
        stopWatching();
        resolve(release);
      },
      cancel: (error) => {
        if (!removeWaiter(state, key, waiter)) return;
        stopWatching();
        reject(error);
      },
    };
    addWaiter(state, key, waiter);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
