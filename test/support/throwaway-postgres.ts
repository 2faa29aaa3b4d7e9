/**
 * PostgreSQL for a local test run: when `BANANA_TEST_DATABASE_URL` is not set and PostgreSQL's binaries are on
 * the machine, a cluster of this run's own (test/support/private-postgres.ts: a temporary folder, a free loopback
 * port) is started before the suite and removed after it, so the PostgreSQL suites run without a step of their
 * own. Without the binaries they are skipped, and the run says so in one plain line.
 */
import { postgresInstalled, startPrivatePostgres } from './private-postgres.js';

/** Starts a cluster and returns its URL and how to remove it; null (with the reason logged) when there is none. */
export async function startThrowawayPostgresAsync(
  log: (line: string) => void,
): Promise<{ url: string; stop(): Promise<void> } | null> {
  if (!postgresInstalled()) {
    log(
      'test setup: PostgreSQL suites SKIPPED: no PostgreSQL binaries here (Debian: sudo apt-get install postgresql; or set BANANA_TEST_DATABASE_URL).',
    );
    return null;
  }
  try {
    const cluster = await startPrivatePostgres();
    log('test setup: PostgreSQL suites run on a throw-away cluster of their own');
    return { url: cluster.url, stop: () => cluster.destroy() };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Could not start a throw-away PostgreSQL for the tests: ${stderr || String(error)}`, {
      cause: error,
    });
  }
}
