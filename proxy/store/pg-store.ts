/**
 * The store on PostgreSQL (`DATABASE_URL`), for several proxy instances behind a load balancer: tokens, usage,
 * limits and the cache all live in the one database, so every instance sees the same people, the same counts and
 * the same cached answers. Same interface and semantics as the SQLite store; every operation rides out a short
 * outage (a restart, a terminated connection) with bounded retries, then fails with `StoreUnavailableError`.
 */
import type { Pool } from 'pg';
import { createPool, queryOn } from './pg-db.js';
import { migratePg } from './pg-migrate.js';
import { DEFAULT_RETRY_BUDGET, describeDbError, isTransient, withRetry, type RetryBudget } from './pg-retry.js';
import { createPgBatchTable, pgBatchMethods } from './pg-batches.js';
import { createPgCacheTable } from './pg-cache.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { createPgTokenTable } from './pg-tokens.js';
import { thisInstance } from './instance-name.js';
import { createPgUsageTable, UPSERT_FINAL } from './pg-usage.js';
import { finalRowValues } from './usage-row-values.js';
import { StoreNotReadyError, StoreUnavailableError, type ProxyStore } from './store.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Connections per instance at most (`BANANA_DB_POOL_MAX`, default 10). */
  poolMax?: number;
  /** Time for `schema_migrations.applied_at`. */
  now?: number;
  /** How long one operation may keep retrying through an outage (tests shorten it). */
  retry?: RetryBudget;
  /** The name this process's reservations carry (`instance-name.ts`). */
  instance?: string;
}

/** Connects, applies any missing migrations (once over all instances), and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ProxyStore & { pool: Pool }> {
  const pool = createPool({ url: options.url, ...(options.poolMax ? { max: options.poolMax } : {}) });
  const budget = options.retry ?? DEFAULT_RETRY_BUDGET;
  try {
    await withRetry(() => migratePg(pool, PG_MIGRATIONS, options.now ?? Date.now()), budget);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const query = queryOn(pool);
  const tokens = createPgTokenTable(pool, query);
  const usage = createPgUsageTable(pool, query, options.instance ?? thisInstance());
  const cache = createPgCacheTable(pool, query);
  const batches = createPgBatchTable(pool, query, async (client, record) => {
    await client.query(UPSERT_FINAL, finalRowValues(record));
  });
  const retry = <T>(operation: () => Promise<T>): Promise<T> => withRetry(operation, budget);
  let closed: Promise<void> | null = null;

  return {
    kind: 'postgres',
    pool,
    // One try, no retries: a load balancer's readiness probe wants the answer now.
    ping: async () => {
      try {
        // A real write: a read-only server (a replica, default_transaction_read_only) or a full disk refuses it.
        await query(
          'UPDATE schema_migrations SET applied_at = applied_at WHERE version = (SELECT MIN(version) FROM schema_migrations)',
        );
      } catch (error) {
        if (isTransient(error)) throw new StoreUnavailableError(describeDbError(error), { cause: error });
        throw new StoreNotReadyError(`the database does not take writes (${describeDbError(error)})`, { cause: error });
      }
    },
    createToken: (input) => retry(() => tokens.create(input)),
    putStaticToken: (input) => retry(() => tokens.putStatic(input)),
    listTokens: (opts = {}) => retry(() => tokens.list(opts.includeRevoked ?? false)),
    findToken: (idOrName) => retry(() => tokens.find(idOrName)),
    revokeToken: (idOrName, now) => retry(() => tokens.revoke(idOrName, now)),
    setLimits: (idOrName, limits) => retry(() => tokens.setLimits(idOrName, limits)),
    verifyToken: (token, now) => retry(() => tokens.verify(token, now)),

    reserve: (request) => {
      let tries = 0;
      return retry(() => usage.reserve(request, tries++ > 0));
    },
    recordUsage: (record) => retry(() => usage.record(record)),
    expireReservations: (before) => retry(() => usage.expire(before)),
    settleGoneInstances: (isGone) => retry(() => usage.settleGone(isGone)),
    usageTotals: (tokenId, since) => retry(() => usage.totals(tokenId, since)),
    usageGroups: (since) => retry(() => usage.groups(since)),
    usageRecord: (requestId) => retry(() => usage.get(requestId)),
    countUsage: (since = 0) => retry(() => usage.count(since)),

    cacheGet: (key, now) => retry(() => cache.get(key, now)),
    cachePut: (key, entry, now, capBytes) => retry(() => cache.put(key, entry, now, capBytes)),
    cacheStats: () => retry(() => cache.stats()),

    ...pgBatchMethods(batches, retry),

    migrations: () =>
      retry(async () =>
        (
          await query<{ version: number; name: string; applied_at: string }>(
            'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
          )
        ).map((row) => ({ version: Number(row.version), name: String(row.name), appliedAt: Number(row.applied_at) })),
      ),
    close: () => (closed ??= pool.end()),
  };
}
