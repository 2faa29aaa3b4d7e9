/**
 * Opening the SQLite file and running its migrations, with Node 24's built-in `node:sqlite` (no native addon to
 * build). WAL lets the admin CLI and other readers work while the proxy writes; `busy_timeout` makes a second
 * process wait for the write lock instead of failing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pendingMigrations, type Migration } from './migrations.js';

/** How long a statement waits for another process's write lock before SQLite gives up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) the database file, or an in-memory one for `:memory:`. */
export function openDatabase(file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  db.exec('PRAGMA journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL per commit.
  db.exec('PRAGMA synchronous = NORMAL');
  return db;
}

/**
 * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken up front, so reads made inside (e.g. a
 * limit check) cannot be invalidated by another connection before the write that depends on them.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, in version order, all in one transaction.
 * Returns the versions applied now (empty when the schema is current, so re-running is a no-op).
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[], now: number): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  return transaction(db, () => {
    const done = new Set(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((row) => Number(row.version)),
    );
    const pending = pendingMigrations(migrations, done);
    const applied: number[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
      applied.push(migration.version);
    }
    return applied;
  });
}
