/**
 * Store work that failed without failing the request: a cache read or write, or a usage row. The designer still
 * gets their answer (a paid image is never thrown away); the failure is logged with the request id, counted here,
 * and shown by `/health/ready`, so an admin sees a full disk before anyone loses work to it.
 */
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { scrub } from './gemini-errors.js';

export interface FaultCounts {
  cacheReadFailed: number;
  cacheWriteFailed: number;
  usageWriteFailed: number;
}

export type FaultKind = keyof FaultCounts;

export function createFaultCounts(): FaultCounts {
  return { cacheReadFailed: 0, cacheWriteFailed: 0, usageWriteFailed: 0 };
}

const WORDS: Record<FaultKind, string> = {
  cacheReadFailed: 'could not read the cache (answered without it)',
  cacheWriteFailed: 'could not cache the answer (sent it uncached)',
  usageWriteFailed: 'could not record usage',
};

const LOG_FIELD: Record<FaultKind, string> = {
  cacheReadFailed: 'cache_read_failed',
  cacheWriteFailed: 'cache_write_failed',
  usageWriteFailed: 'usage_write_failed',
};

/** Counts, logs (scrubbed of secrets) and marks the request's log line with the failure. */
export function noteFault(
  counts: FaultCounts,
  c: Context<AppEnv>,
  kind: FaultKind,
  error: unknown,
  secrets: readonly string[],
): void {
  counts[kind]++;
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`[${c.get('requestId')}] ${WORDS[kind]}: ${scrub(detail, secrets)}`);
  c.set('logFields', { ...c.get('logFields'), fault: LOG_FIELD[kind] });
}
