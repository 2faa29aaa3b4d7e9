/**
 * The failures of PostgreSQL that pass (a restarting server, a terminated backend, a serialization conflict, too
 * many connections), and a bounded retry of them: every store operation rides out a short outage, then fails with
 * `StoreUnavailableError`. Described for logs by code and first line, never with parameters.
 */
import { DatabaseError } from 'pg';
import { StoreUnavailableError } from './store.js';

/** SQLSTATE classes and codes worth trying again: connection loss, server starting or stopping, conflicts. */
const TRANSIENT_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
  '53300', // too_many_connections
]);

/** Driver errors without a SQLSTATE that mean the connection, not the query, failed. */
const CONNECTION_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN|Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down)|Client was closed/i;

/** True for a failure that may pass if the same operation is tried again shortly. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DatabaseError)
    return TRANSIENT_CODES.has(error.code ?? '') || (error.code ?? '').startsWith('08');
  return (
    error instanceof Error && CONNECTION_MESSAGE.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)
  );
}

/** A short description for a log line: the SQLSTATE or the error's own code and first line, never parameters. */
export function describeDbError(error: unknown): string {
  if (error instanceof DatabaseError) return `${error.code ?? '?'} ${error.message.split('\n')[0]}`;
  if (error instanceof Error)
    return `${(error as { code?: string }).code ?? error.name}: ${error.message.split('\n')[0]}`;
  return String(error);
}

export interface RetryBudget {
  /** Total time spent retrying one operation at most, in ms. */
  totalMs: number;
  /** First wait; doubled per try up to 1 s, with jitter. */
  firstDelayMs: number;
}

/** Enough to ride out a fast restart (`pg_ctl restart -m fast` takes about a second) without hanging a request. */
export const DEFAULT_RETRY_BUDGET: RetryBudget = { totalMs: 10_000, firstDelayMs: 50 };

/**
 * Runs `operation` and tries it again on transient failures within the budget. Operations must be idempotent or
 * detect their own earlier success (the reservation does: its row's primary key). When the budget runs out the
 * failure becomes a {@link StoreUnavailableError}; other errors pass through unchanged.
 */
export async function withRetry<T>(operation: () => Promise<T>, budget: RetryBudget): Promise<T> {
  const until = performance.now() + budget.totalMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error)) throw error;
      const wait = Math.min(1000, budget.firstDelayMs * 2 ** attempt) * (0.5 + Math.random() * 0.5);
      if (performance.now() + wait > until) {
        throw new StoreUnavailableError(`The database did not answer: ${describeDbError(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
