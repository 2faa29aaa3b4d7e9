/**
 * Readiness of the SQLite store: can it take the writes every request makes? Three checks, cheap enough for a
 * balancer's probe every few seconds: free space on the data dir's disk, one real write (a no-op update inside
 * `BEGIN IMMEDIATE`, which a read-only file or file system refuses), and a fresh read-only connection that reads
 * the file from disk and checks its small tables (`PRAGMA quick_check`), so a file overwritten or truncated under
 * the running proxy is caught even while its pages sit in this connection's cache.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { transaction } from './sqlite-db.js';
import { StoreNotReadyError } from './store.js';

const MIB = 1024 * 1024;

export function checkSqliteReady(db: DatabaseSync, file: string, minFreeBytes: number): void {
  if (file === ':memory:') return;
  const disk = statfsSync(dirname(file));
  const free = Number(disk.bavail) * Number(disk.bsize);
  if (free < minFreeBytes) {
    throw new StoreNotReadyError(
      `the disk of the data dir has ${Math.floor(free / MIB)} MB free, less than the ${Math.round(minFreeBytes / MIB)} MB kept free (BANANA_MIN_FREE_MB); free some space`,
    );
  }
  try {
    probeWrite(db);
  } catch (error) {
    throw new StoreNotReadyError(`the database file cannot be written (${sqliteReason(error)})`);
  }
  let probe: DatabaseSync | null = null;
  try {
    probe = new DatabaseSync(file, { readOnly: true });
    for (const table of ['schema_migrations', 'tokens']) {
      const rows = probe.prepare(`PRAGMA quick_check(${table})`).all();
      if (rows.length !== 1 || Object.values(rows[0]!)[0] !== 'ok') throw new Error('database disk image is malformed');
    }
  } catch (error) {
    throw new StoreNotReadyError(`the database file is damaged (${sqliteReason(error)}); restore it from a backup`);
  } finally {
    probe?.close();
  }
}

/** One real write that changes nothing; throws SQLite's error when the file or its folder refuses writes. */
export function probeWrite(db: DatabaseSync): void {
  transaction(db, () =>
    db
      .prepare(
        'UPDATE schema_migrations SET applied_at = applied_at WHERE version = (SELECT MIN(version) FROM schema_migrations)',
      )
      .run(),
  );
}

/** SQLite's own words for a failure (e.g. "database or disk is full"), never a path. */
export function sqliteReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\S+/g, '…').slice(0, 120);
}
