/**
 * PostgreSQL for the tests: `BANANA_TEST_DATABASE_URL` (set by `.ci/run` through `scripts/test-db.sh`; locally:
 * `eval "$(bash scripts/test-db.sh env)"`). Each test gets a database of its own, created from that server and
 * dropped afterwards, so test files running side by side never see each other's tokens or usage.
 *
 * Without the variable the PostgreSQL tests are skipped, except under CI (`CI` set), where they must run: there
 * a missing database fails the suite loudly instead of passing quietly with nothing tested.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describe } from 'vitest';

/** The server the tests may create databases on, or null when none was given (outside CI only). */
export function testDatabaseUrl(): string | null {
  const url = process.env.BANANA_TEST_DATABASE_URL?.trim();
  if (url) return url;
  if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') {
    throw new Error(
      'BANANA_TEST_DATABASE_URL is not set under CI: the PostgreSQL tests must run. .ci/run starts one with scripts/test-db.sh.',
    );
  }
  return null;
}

/** `describe` when PostgreSQL is available, `describe.skip` (with the reason in the name) when not. */
export function describePostgres(name: string, body: () => void): void {
  if (testDatabaseUrl()) describe(name, body);
  else describe.skip(`${name} (no BANANA_TEST_DATABASE_URL; run: eval "$(bash scripts/test-db.sh env)")`, body);
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; `drop` removes it (closing whatever is still connected). */
export async function createTestDatabase(label = 't'): Promise<TestDatabase> {
  const base = testDatabaseUrl();
  if (!base) throw new Error('createTestDatabase needs BANANA_TEST_DATABASE_URL');
  const name = `banana_${label}_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => void (await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Runs one statement on the test server's own database (never on a test's). */
export async function adminQuery(baseUrl: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Ends every connection to `database` except the caller's: what a database restart does to a proxy's pool. */
export async function terminateConnections(database: string): Promise<number> {
  const rows = (await adminQuery(
    testDatabaseUrl()!,
    // Client connections only: not autovacuum workers, which belong to the superuser and are not ours to end.
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user`,
    [database],
  )) as { ended: boolean }[];
  return rows.filter((r) => r.ended).length;
}
