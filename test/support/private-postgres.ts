/**
 * A PostgreSQL cluster of a test's own (scripts/test-db.sh with its own folder and port), for tests that stop and
 * restart the server: doing that to the shared test server would break the test files running beside them.
 * Needs Debian's PostgreSQL on this machine (`.ci/run` installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = new URL('../../scripts/test-db.sh', import.meta.url).pathname;

export interface PrivatePostgres {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

/** True when PostgreSQL's server binaries are installed here. */
export function postgresInstalled(): boolean {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb')));
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'banana-pg-'));
  const env = { ...process.env, BANANA_PG_DIR: dir, BANANA_PG_PORT: String(await freePort()) };
  const script = async (command: string): Promise<string> =>
    (await run('bash', [SCRIPT, command], { env, timeout: 120_000 })).stdout.trim();
  const url = await script('url');
  return {
    url,
    restart: async () => void (await script('restart')),
    stop: async () => void (await script('stop')),
    start: async () => void (await script('start')),
    async destroy() {
      await script('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
