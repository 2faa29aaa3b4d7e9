/**
 * What the fair queue (`fair-queue.ts`) keeps, and the moves on it: the calls running per person, each person's
 * line of waiting calls, and when each person was last let through, which decides whose turn comes next. A freed
 * slot goes to the waiting person served least recently, a newcomer first.
 */
import { overShareError } from './fair-queue-refusals.js';
import type { ProxyError } from './proxy-error.js';

/** Frees the slot; calling it again does nothing. */
export type Release = () => void;

/** A call waiting for a slot: let through with its release, or refused. */
export interface Waiter {
  grant: (release: Release) => void;
  cancel: (error: ProxyError) => void;
}

/** The queue's state; only the functions of this file change it. */
export interface QueueState {
  readonly maxConcurrent: number;
  readonly maxWaiting: number;
  /** Waiting calls per person, in arrival order; a person appears here only while they have some. */
  readonly queues: Map<string, Waiter[]>;
  /** When each person with calls running or waiting was last let through (a counter); never = 0. */
  readonly lastGrant: Map<string, number>;
  readonly activeBy: Map<string, number>;
  grants: number;
  active: number;
  waiting: number;
}

/** An empty queue with `maxConcurrent` slots (at least one) and room for `maxWaiting` waiting calls. */
export function newQueueState(maxConcurrent: number, maxWaiting: number): QueueState {
  return {
    maxConcurrent: Math.max(1, Math.floor(maxConcurrent)),
    maxWaiting,
    queues: new Map(),
    lastGrant: new Map(),
    activeBy: new Map(),
    grants: 0,
    active: 0,
    waiting: 0,
  };
}

/** Lets one call of `key` run now; its release frees the slot for the next person's turn. */
export function grantSlot(state: QueueState, key: string): Release {
  state.lastGrant.set(key, ++state.grants);
  state.activeBy.set(key, (state.activeBy.get(key) ?? 0) + 1);
  state.active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.active--;
    const left = (state.activeBy.get(key) ?? 1) - 1;
    if (left > 0) state.activeBy.set(key, left);
    else state.activeBy.delete(key);
    forget(state, key);
    dispatch(state);
  };
}

/** Puts `waiter` at the end of `key`'s line. */
export function addWaiter(state: QueueState, key: string, waiter: Waiter): void {
  const list = state.queues.get(key);
  if (list) list.push(waiter);
  else state.queues.set(key, [waiter]);
  state.waiting++;
}

/** Takes `waiter` out of `key`'s line; false when it is no longer waiting (let through or refused already). */
export function removeWaiter(state: QueueState, key: string, waiter: Waiter): boolean {
  const list = state.queues.get(key);
  const index = list?.indexOf(waiter) ?? -1;
  if (!list || index < 0) return false;
  list.splice(index, 1);
  if (list.length === 0) state.queues.delete(key);
  state.waiting--;
  forget(state, key);
  return true;
}

/** A full queue's fair share per person, counting `key` (with `own` calls waiting) among the people waiting. */
export function fairShare(state: QueueState, own: number): number {
  return Math.floor(state.maxWaiting / (state.queues.size + (own === 0 ? 1 : 0)));
}

/** Refuses the newest call of the person furthest over a fair share, for a person under it; false if none is. */
export function makeRoomFor(state: QueueState, key: string, own: number): boolean {
  const share = fairShare(state, own);
  if (own >= share) return false;
  let heaviest: Waiter[] | null = null;
  for (const [other, list] of state.queues) {
    if (other !== key && list.length > share && list.length > (heaviest?.length ?? 0)) heaviest = list;
  }
  const bumped = heaviest?.at(-1);
  bumped?.cancel(overShareError(heaviest!.length - 1));
  return bumped !== undefined;
}

/** Forgets when `key` was served once they have nothing running or waiting: a newcomer again next time. */
function forget(state: QueueState, key: string): void {
  if (!state.activeBy.has(key) && !state.queues.has(key)) state.lastGrant.delete(key);
}

/** Lets waiting calls through while slots are free: always the person served least recently. */
function dispatch(state: QueueState): void {
  while (state.active < state.maxConcurrent && state.queues.size > 0) {
    let pick: string | null = null;
    let pickAt = Infinity;
    for (const key of state.queues.keys()) {
      const at = state.lastGrant.get(key) ?? 0;
      if (at < pickAt) {
        pick = key;
        pickAt = at;
      }
    }
    const list = state.queues.get(pick!)!;
    const waiter = list.shift()!;
    if (list.length === 0) state.queues.delete(pick!);
    state.waiting--;
    waiter.grant(grantSlot(state, pick!));
  }
}
