/**
 * PostgreSQL for a local test run: when `BANANA_TEST_DATABASE_URL` is not set and PostgreSQL's binaries are on
 * the machine, a throw-away cluster of this run's own (a temporary folder, a free loopback port, started by
 * `scripts/test-db.sh`) is started before the suite and removed after it, so the PostgreSQL suites run without a
 * step of their own. Without the binaries they are skipped, and the run says so in one plain line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = new URL('../../scripts/test-db.sh', import.meta.url).pathname;

/** True when initdb is there: in Debian's versioned folder or on the PATH. */
export function hasPostgresBinaries(): boolean {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian) && readdirSync(debian).some((v) => existsSync(join(debian, v, 'bin', 'initdb')))) return true;
  try {
    execFileSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A loopback port nobody listens on right now. */
async function freePortAsync(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a cluster and returns its URL and how to stop it; null (with the reason logged) when there is none. */
export async function startThrowawayPostgresAsync(
  log: (line: string) => void,
): Promise<{ url: string; stop(): void } | null> {
  if (!hasPostgresBinaries()) {
    log(
      'test setup: PostgreSQL suites SKIPPED: no PostgreSQL binaries here (Debian: sudo apt-get install postgresql; or set BANANA_TEST_DATABASE_URL).',
    );
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'banana-test-pg-'));
  const env = { ...process.env, BANANA_PG_DIR: dir, BANANA_PG_PORT: String(await freePortAsync()) };
  const stop = (): void => {
    try {
      execFileSync('bash', [SCRIPT, 'stop'], { env, stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const url = execFileSync('bash', [SCRIPT, 'url'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    log(`test setup: PostgreSQL suites run on a throw-away cluster in ${dir}`);
    return { url: url.trim(), stop };
  } catch (error) {
    stop();
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Could not start a throw-away PostgreSQL for the tests: ${stderr || String(error)}`, {
      cause: error,
    });
  }
}
