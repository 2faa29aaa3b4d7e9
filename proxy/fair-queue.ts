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
import { ProxyError } from './proxy-error.js';

/** Frees the slot; calling it again does nothing. */
export type Release = () => void;

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

interface Waiter {
  grant: (release: Release) => void;
  cancel: (error: ProxyError) => void;
}

/** Seconds a client is asked to wait when the queue is full. */
const BUSY_RETRY_SECONDS = 30;

/** The refusal for a person who holds their share of the queue: only they are asked to wait. */
function overShareError(waitingOwn: number): ProxyError {
  return new ProxyError(
    'limit_reached',
    `You already have ${waitingOwn} ${waitingOwn === 1 ? 'request' : 'requests'} waiting for Gemini, your share of the team proxy's queue. Wait for them to finish, then try again.`,
    { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
  );
}

export function createFairQueue(options: FairQueueOptions): FairQueue {
  const maxConcurrent = Math.max(1, Math.floor(options.maxConcurrent));
  /** Waiting calls per person, in arrival order; a person appears here only while they have some. */
  const queues = new Map<string, Waiter[]>();
  /** When each person with calls running or waiting was last let through (a counter); never = 0. */
  const lastGrant = new Map<string, number>();
  const activeBy = new Map<string, number>();
  let grants = 0;
  let active = 0;
  let waiting = 0;

  const forget = (key: string): void => {
    if (!activeBy.has(key) && !queues.has(key)) lastGrant.delete(key);
  };

  const grant = (key: string): Release => {
    lastGrant.set(key, ++grants);
    activeBy.set(key, (activeBy.get(key) ?? 0) + 1);
    active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      const left = (activeBy.get(key) ?? 1) - 1;
      if (left > 0) activeBy.set(key, left);
      else activeBy.delete(key);
      forget(key);
      dispatch();
    };
  };

  /** Lets waiting calls through while slots are free: always the person served least recently. */
  const dispatch = (): void => {
    while (active < maxConcurrent && queues.size > 0) {
      let pick: string | null = null;
      let pickAt = Infinity;
      for (const key of queues.keys()) {
        const at = lastGrant.get(key) ?? 0;
        if (at < pickAt) {
          pick = key;
          pickAt = at;
        }
      }
      const list = queues.get(pick!)!;
      const waiter = list.shift()!;
      if (list.length === 0) queues.delete(pick!);
      waiting--;
      waiter.grant(grant(pick!));
    }
  };

  /** A full queue's fair share per person, counting `key` among the people waiting. */
  const fairShare = (own: number): number => Math.floor(options.maxWaiting / (queues.size + (own === 0 ? 1 : 0)));

  /** Refuses the newest call of the person furthest over a fair share, for a person under it; false if none is. */
  const makeRoomFor = (key: string, own: number): boolean => {
    const share = fairShare(own);
    if (own >= share) return false;
    let heaviest: Waiter[] | null = null;
    for (const [other, list] of queues) {
      if (other !== key && list.length > share && list.length > (heaviest?.length ?? 0)) heaviest = list;
    }
    const bumped = heaviest?.at(-1);
    bumped?.cancel(overShareError(heaviest!.length - 1));
    return bumped !== undefined;
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(new ProxyError('cancelled'));
      if (active < maxConcurrent && waiting === 0) return Promise.resolve(grant(key));
      const own = queues.get(key)?.length ?? 0;
      if (own >= (options.maxWaitingPerKey ?? options.maxWaiting) && options.maxWaiting > 0) {
        return Promise.reject(overShareError(own));
      }
      if (waiting >= options.maxWaiting && !makeRoomFor(key, own)) {
        if (own > 0 && own >= fairShare(own)) return Promise.reject(overShareError(own));
        return Promise.reject(
          new ProxyError(
            'proxy_busy',
            `The team proxy already has ${waiting} requests waiting for Gemini. Try again in a minute.`,
            { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
          ),
        );
      }
      return new Promise<Release>((resolve, reject) => {
        const onAbort = (): void => waiter.cancel(new ProxyError('cancelled'));
        const timer =
          options.maxWaitMs === undefined
            ? undefined
            : setTimeout(
                () =>
                  waiter.cancel(
                    new ProxyError(
                      'proxy_busy',
                      `The team proxy is busy: this request waited ${Math.round(options.maxWaitMs! / 1000)} s for Gemini without its turn coming. Try again in a minute.`,
                      { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
                    ),
                  ),
                options.maxWaitMs,
              );
        const waiter: Waiter = {
          grant: (release) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          cancel: (error) => {
            const list = queues.get(key);
            const index = list?.indexOf(waiter) ?? -1;
            if (!list || index < 0) return;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            list.splice(index, 1);
            if (list.length === 0) queues.delete(key);
            waiting--;
            forget(key);
            reject(error);
          },
        };
        const list = queues.get(key);
        if (list) list.push(waiter);
        else queues.set(key, [waiter]);
        waiting++;
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
