/**
 * The default store: one SQLite file (`<BANANA_DATA_DIR>/banana.sqlite`) through Node's built-in `node:sqlite`.
 * `DatabaseSync` runs each call to completion on this thread, so the async methods only wrap synchronous work;
 * across processes (the admin CLI, a second proxy on the same file) SQLite's own locking and the `BEGIN IMMEDIATE`
 * transactions in each table keep the same guarantees a PostgreSQL store will give across instances.
 */
import { join } from 'node:path';
import { StoreUnavailableError, type ProxyStore } from './store.js';
import { MIGRATIONS } from './migrations.js';
import { migrate, openDatabase } from './sqlite-db.js';
import { createBatchTable } from './sqlite-batches.js';
import { createCacheTable } from './sqlite-cache.js';
import { thisInstance } from './instance-name.js';
import { checkSqliteReady, probeWrite } from './sqlite-health.js';
import { createTokenTable } from './sqlite-tokens.js';
import { createUsageTable } from './sqlite-usage.js';

/** The database file inside a data dir. */
export const DATABASE_FILE = 'banana.sqlite';

export interface SqliteStoreOptions {
  /** The data dir (created if missing); the file is `banana.sqlite` inside it. Or `file` directly. */
  dataDir?: string;
  file?: string;
  /** Time for `schema_migrations.applied_at`; the app's clock. */
  now?: number;
  /** Free disk space below which `ping` says the store is not ready (`BANANA_MIN_FREE_MB`); default 64 MB. */
  minFreeBytes?: number;
  /** The name this process's reservations carry (`instance-name.ts`); tests name a second "process". */
  instance?: string;
  /** How long to wait for another process's write lock (`BUSY_TIMEOUT_MS` by default; tests wait less). */
  busyTimeoutMs?: number;
}

const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/** Opens the store and brings its schema up to date. */
export function openSqliteStore(options: SqliteStoreOptions): ProxyStore {
  const file = options.file ?? join(options.dataDir ?? './data', DATABASE_FILE);
  const db = openDatabase(file, options.busyTimeoutMs);
  try {
    migrate(db, MIGRATIONS, options.now ?? Date.now());
    // SQLite opens a file it may not write read-only without a word: find out now, not at the first request.
    probeWrite(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const tokens = createTokenTable(db);
  const usage = createUsageTable(db, options.instance ?? thisInstance());
  const cache = createCacheTable(db);
  const batches = createBatchTable(db, usage.record);
  let open = true;
  // Each method runs synchronously; wrapping in an async function turns a thrown error into a rejection. A file
  // another process holds locked past the busy timeout is the store being away for a moment, as a PostgreSQL
  // connection lost is: the client is asked to try again (503 `proxy_busy`), not told of an internal error.
  const run = async <T>(fn: () => T): Promise<T> => {
    try {
      return fn();
    } catch (error) {
      if (isLockTimeout(error)) throw new StoreUnavailableError('The database file stayed locked', { cause: error });
      throw error;
    }
  };

  return {
    kind: 'sqlite',
    ping: () => run(() => checkSqliteReady(db, file, options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES)),
    createToken: (input) => run(() => tokens.create(input)),
    putStaticToken: (input) => run(() => tokens.putStatic(input)),
    listTokens: (options = {}) => run(() => tokens.list(options.includeRevoked ?? false)),
    findToken: (idOrName) => run(() => tokens.find(idOrName)),
    revokeToken: (idOrName, now) => run(() => tokens.revoke(idOrName, now)),
    setLimits: (idOrName, limits) => run(() => tokens.setLimits(idOrName, limits)),
    verifyToken: (token, now) => run(() => tokens.verify(token, now)),

    reserve: (request) => run(() => usage.reserve(request)),
    recordUsage: (record) => run(() => usage.record(record)),
    expireReservations: (before) => run(() => usage.expire(before)),
    settleGoneInstances: (isGone) => run(() => usage.settleGone(isGone)),
    usageTotals: (tokenId, since) => run(() => usage.totals(tokenId, since)),
    usageGroups: (since) => run(() => usage.groups(since)),
    usageRecord: (requestId) => run(() => usage.get(requestId)),
    countUsage: (since = 0) => run(() => usage.count(since)),

    cacheGet: (key, now) => run(() => cache.get(key, now)),
    cachePut: (key, entry, now, capBytes) => run(() => cache.put(key, entry, now, capBytes)),
    cacheStats: () => run(() => cache.stats()),

    createBatchJob: (job) => run(() => batches.create(job)),
    batchSubmitted: (id, googleName, now) => run(() => batches.submitted(id, googleName, now)),
    setBatchState: (id, state, now) => run(() => batches.setState(id, state, now)),
    listBatchJobs: (tokenId) => run(() => batches.list(tokenId)),
    batchJob: (id) => run(() => batches.get(id)),
    claimBatchJobs: (now, leaseMs, limit) => run(() => batches.claim(now, leaseMs, limit)),
    finishBatchJob: (job) => run(() => batches.finish(job)),
    placeBatchResults: (id, indexes, now) => run(() => batches.place(id, indexes, now)),

    migrations: () =>
      run(() =>
        db
          .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
          .all()
          .map((row) => ({ version: Number(row.version), name: String(row.name), appliedAt: Number(row.applied_at) })),
      ),
    close: () =>
      run(() => {
        if (!open) return;
        open = false;
        db.close();
      }),
  };
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** SQLITE_BUSY or SQLITE_LOCKED (any extended code): another connection held the lock past the busy timeout. */
function isLockTimeout(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === SQLITE_BUSY || (code & 0xff) === SQLITE_LOCKED);
}
