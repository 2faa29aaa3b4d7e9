/**
 * The fair queue's refusals (`fair-queue.ts`), each with the `Retry-After` a client is asked to wait: one person
 * over their share (429 `limit_reached`, only them), a queue holding more people than places, and a call that
 * waited its longest without its turn coming (both 503 `proxy_busy`).
 */
import { ProxyError } from './proxy-error.js';

/** Seconds a client is asked to wait when the queue is full. */
const BUSY_RETRY_SECONDS = 30;

/** The refusal for a person who holds their share of the queue: only they are asked to wait. */
export function overShareError(waitingOwn: number): ProxyError {
  return new ProxyError(
    'limit_reached',
    `You already have ${waitingOwn} ${waitingOwn === 1 ? 'request' : 'requests'} waiting for Gemini, your share of the team proxy's queue. Wait for them to finish, then try again.`,
    { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
  );
}

/** The refusal when the queue is full and no one holds more than a fair share of it. */
export function queueFullError(waiting: number): ProxyError {
  return new ProxyError(
    'proxy_busy',
    `The team proxy already has ${waiting} requests waiting for Gemini. Try again in a minute.`,
    { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
  );
}

/** The refusal for a call that waited `maxWaitMs` for a slot (`FairQueueOptions.maxWaitMs`). */
export function waitedTooLongError(maxWaitMs: number): ProxyError {
  return new ProxyError(
    'proxy_busy',
    `The team proxy is busy: this request waited ${Math.round(maxWaitMs / 1000)} s for Gemini without its turn coming. Try again in a minute.`,
    { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } },
  );
}
