/**
 * The PostgreSQL connection pool, and what every PostgreSQL table needs from it: a connection checked out for a
 * few statements, a transaction on one connection (under an advisory lock when changes must take turns), and the
 * lock keys. The bounded retry of the failures that pass is in `pg-retry.ts`, the migrations in `pg-migrate.ts`.
 */
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { describeDbError } from './pg-retry.js';
import type { Row } from './row.js';

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

/**
 * A pooled connection for a few statements in a row. While it is checked out the pool no longer listens for its
 * errors; a connection the server cuts between two statements would then crash the process, so listen here (the
 * next statement fails, and the caller retries).
 */
export async function checkOut(pool: Pool): Promise<{ client: PoolClient; release: (broken: boolean) => void }> {
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
