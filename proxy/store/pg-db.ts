/**
 * The PostgreSQL connection pool, and the three things every PostgreSQL table needs from it: a transaction on one
 * connection, a bounded retry of the failures that pass (a restarting server, a terminated backend, a serialization
 * conflict), and migrations that several instances starting at once apply exactly once (an advisory lock).
 */
import { DatabaseError, Pool, type PoolClient, type QueryResultRow } from 'pg';
import { pendingMigrations, type Migration } from './migrations.js';
import type { Row } from './row.js';
import { StoreUnavailableError } from './store.js';

/** One query on any pooled connection. */
export type Query = <R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

export interface PgPoolOptions {
  url: string;
  /** Connections at most, per proxy instance (`BANANA_DB_POOL_MAX`). */
  max?: number;
}

/** Longest a statement may run: nothing the store does should take seconds; a stuck one must not hang a request. */
const STATEMENT_TIMEOUT_MS = 30_000;

export function createPool(options: PgPoolOptions): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
    application_name: 'banana-proxy',
  });
  // An idle connection the server closed (restart, pg_terminate_backend) is reported here; without a listener
  // Node would crash the process. The pool drops that connection and opens a new one on the next query.
  let lastReport = 0;
  pool.on('error', (error) => {
    if (performance.now() - lastReport < 10_000) return;
    lastReport = performance.now();
    console.error(`[store] database connection lost: ${describeDbError(error)} (reconnecting)`);
  });
  // The server's "terminating connection" message can arrive in the same read as the answer to the last query,
  // after pg-pool has handed the connection to the next caller but before that caller could listen: give every
  // connection a listener for its whole life. A dead connection then fails its next statement, which is retried.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

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

/**
 * A pooled connection for a few statements in a row. While it is checked out the pool no longer listens for its
 * errors; a connection the server cuts between two statements would then crash the process, so listen here (the
 * next statement fails, and the caller retries).
 */
async function checkOut(pool: Pool): Promise<{ client: PoolClient; release: (broken: boolean) => void }> {
  const client = await pool.connect();
  let lost = false;
  const onError = (): void => {
    lost = true;
  };
  client.on('error', onError);
  return {
    client,
    release: (broken) => {
      client.off('error', onError);
      client.release(broken || lost);
    },
  };
}

/** Runs `fn` in one transaction on one connection; rolls back on any failure. */
export async function transaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkOut(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection itself failed: do not hand it back to the pool.
      broken = true;
    }
    throw error;
  } finally {
    release(broken);
  }
}

/**
 * Runs `fn` in one transaction that first takes the transaction-scoped advisory lock `lock` (one of {@link LOCKS}):
 * every instance's changes under the same lock take turns, and the lock goes with the transaction's end.
 */
export function lockedTransactionAsync<T>(
  pool: Pool,
  lock: number,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    return fn(client);
  });
}

/** The first row of one statement on `client`, or null when it returns none. */
export async function firstRowAsync(client: PoolClient, sql: string, params: unknown[]): Promise<Row | null> {
  return (await client.query<Row>(sql, params)).rows[0] ?? null;
}

/** Rows of one query on the pool. */
export function queryOn(pool: Pool): Query {
  return async <R extends QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;
}

/** Advisory lock keys (any 64-bit numbers; chosen once, never reused for anything else). */
export const LOCKS = {
  migrations: 720_917_001,
  tokens: 720_917_002,
  cache: 720_917_003,
} as const;

/**
 * Applies every migration not yet recorded in `schema_migrations`, in version order, in one transaction, while
 * holding a session advisory lock: instances starting at the same moment wait for the first, then find nothing
 * left to do. Returns the versions applied now.
 */
export async function migratePg(pool: Pool, migrations: readonly Migration[], now: number): Promise<number[]> {
  const { client, release } = await checkOut(pool);
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrations]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      await client.query('BEGIN');
      try {
        const done = new Set(
          (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) =>
            Number(r.version),
          ),
        );
        const applied: number[] = [];
        for (const migration of pendingMigrations(migrations, done)) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            now,
          ]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
        return applied;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrations]);
    }
  } catch (error) {
    // A session lock dies with its connection; never hand a connection that may still hold it back to the pool.
    broken = true;
    throw error;
  } finally {
    release(broken);
  }
}
