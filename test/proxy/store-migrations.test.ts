/**
 * The SQLite store's migrations: numbered, applied once each and in order, in step with the PostgreSQL list, and a
 * database written by a newer proxy refused.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../proxy/store/migrations.js';
import { PG_MIGRATIONS } from '../../proxy/store/pg-migrations.js';
import { migrate } from '../../proxy/store/sqlite-db.js';
import { DATABASE_FILE, openSqliteStore } from '../../proxy/store/sqlite-store.js';
import type { ProxyStore } from '../../proxy/store/store.js';
import { TEST_NOW, tempDataDir } from '../support/proxy-harness.js';

let dir: string;
let store: ProxyStore;

describe('SQLite migrations', () => {
  beforeEach(() => {
    dir = tempDataDir('banana-store');
    store = openSqliteStore({ dataDir: dir, now: TEST_NOW });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are numbered, applied once each, and re-running them is a no-op', async () => {
    const applied = await store.migrations();
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applied.every((m) => m.appliedAt === TEST_NOW)).toBe(true);
    await store.close();

    // Opening again (a restart) applies nothing and keeps the original record.
    store = openSqliteStore({ dataDir: dir, now: TEST_NOW + 1000 });
    expect(await store.migrations()).toEqual(applied);
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    try {
      expect(migrate(db, MIGRATIONS, TEST_NOW + 2000)).toEqual([]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([
        { name: 'batch_jobs' },
        { name: 'batch_results' },
        { name: 'cache' },
        { name: 'schema_migrations' },
        { name: 'tokens' },
        { name: 'usage' },
      ]);
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    } finally {
      db.close();
    }
  });

  it('applies only the versions a database lacks, in order', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1), TEST_NOW)).toEqual([1]);
    expect(migrate(db, [...MIGRATIONS].reverse(), TEST_NOW)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(migrate(db, MIGRATIONS, TEST_NOW)).toEqual([]);
    db.close();
  });

  it('has the same numbered versions, with the same names, as the PostgreSQL list', () => {
    const list = (ms: typeof MIGRATIONS) => ms.map((m) => [m.version, m.name]);
    expect(list(PG_MIGRATIONS)).toEqual(list(MIGRATIONS));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database written by a newer proxy', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [...MIGRATIONS, { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' }], TEST_NOW);
    expect(() => migrate(db, MIGRATIONS, TEST_NOW)).toThrow(/newer Banana Studio proxy \(schema version 99/);
    db.close();
  });
});
