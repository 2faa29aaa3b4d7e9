/**
 * Start-up that fails says why in one line naming the file or setting and the fix, never a stack trace: a data dir
 * or database file that cannot be written, a file that is not a database or was cut short, a wrong PostgreSQL
 * password. And a revocation lasts: a revoked BANANA_DEV_TOKEN is not brought back by a restart.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../proxy/config.js';
import { startProxy } from '../../../proxy/server.js';
import { DATABASE_FILE, openSqliteStore } from '../../../proxy/store/sqlite-store.js';
import { startProxyProcess } from '../../support/proxy-process.js';
import { tempDataDir } from '../../support/proxy-harness.js';
import { describePostgres, testDatabaseUrl } from '../../support/test-database.js';

const base = tempDataDir('banana-startup');
const locked: string[] = [];
afterAll(() => {
  for (const path of locked) readOnly(path, false);
  rmSync(base, { recursive: true, force: true });
});

/** Makes `path` unwritable for this process: root ignores permissions, so root uses the immutable attribute. */
function readOnly(path: string, on: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [on ? '+i' : '-i', path]);
  else chmodSync(path, on ? (statSync(path).isDirectory() ? 0o555 : 0o444) : 0o755);
  if (on) locked.push(path);
}

/** The base environment: any free port, since another proxy on the machine may hold the default one. */
const BASE_ENV = { GEMINI_API_KEY: 'AIza-startup-test', PORT: '0' };

async function startFails(env: Record<string, string>): Promise<string> {
  try {
    const proxy = await startProxy({ ...BASE_ENV, ...env }, { writeLog: () => undefined });
    await proxy.close();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the proxy started');
}

async function freshStore(name: string): Promise<string> {
  const dir = join(base, name);
  await openSqliteStore({ dataDir: dir }).close();
  rmSync(join(dir, `${DATABASE_FILE}-wal`), { force: true });
  rmSync(join(dir, `${DATABASE_FILE}-shm`), { force: true });
  return dir;
}

describe('a store that cannot be opened', () => {
  it('a data dir that cannot be written', async () => {
    const dir = join(base, 'ro-dir');
    mkdirSync(dir);
    readOnly(dir, true);
    const message = await startFails({ BANANA_DATA_DIR: dir });
    expect(message).toContain(dir);
    expect(message).toMatch(/not writable\. Make it writable, or set BANANA_DATA_DIR/);
  });

  it('a database file that is read-only', async () => {
    const dir = await freshStore('ro-file');
    readOnly(join(dir, DATABASE_FILE), true);
    expect(await startFails({ BANANA_DATA_DIR: dir })).toMatch(/^The database file .*banana\.sqlite is read-only\./);
  });

  it('a file that is not a database', async () => {
    const dir = join(base, 'garbage');
    mkdirSync(dir);
    writeFileSync(join(dir, DATABASE_FILE), 'not a database, just words. '.repeat(300));
    expect(await startFails({ BANANA_DATA_DIR: dir })).toMatch(
      /banana\.sqlite is not a Banana Studio database.*backup/,
    );
  });

  it('a database file cut short', async () => {
    const dir = await freshStore('truncated');
    truncateSync(join(dir, DATABASE_FILE), 5000);
    expect(await startFails({ BANANA_DATA_DIR: dir })).toMatch(/banana\.sqlite is damaged \(truncated or corrupt\)/);
  });

  it('is one line from `npm run proxy`, with no stack trace', async () => {
    const dir = join(base, 'garbage-process');
    mkdirSync(dir);
    writeFileSync(join(dir, DATABASE_FILE), 'x'.repeat(9000));
    const failure = await startProxyProcess({ BANANA_DATA_DIR: dir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited with 1/);
    expect(failure).toMatch(/Banana Studio proxy: .*banana\.sqlite is not a Banana Studio database/);
    expect(failure).not.toMatch(/^\s+at /m);
  });
});

describe('a revoked dev token', () => {
  it('stays revoked across restarts: the proxy refuses to start with it and says why', async () => {
    const dir = join(base, 'revoked');
    const env = { BANANA_DATA_DIR: dir, BANANA_DEV_TOKEN: 'dev-token-that-gets-revoked-123' };
    const first = await startProxy({ ...BASE_ENV, ...env }, { writeLog: () => undefined });
    await first.close();
    const store = openSqliteStore({ dataDir: dir });
    expect(await store.revokeToken('dev', Date.now())).not.toBeNull();
    await store.close();
    const message = await startFails(env);
    expect(message).toMatch(
      /^BANANA_DEV_TOKEN was revoked at \d{4}-.*stays revoked\. Set BANANA_DEV_TOKEN to a new value/,
    );
    const after = openSqliteStore({ dataDir: dir });
    expect(await after.verifyToken(env.BANANA_DEV_TOKEN, Date.now())).toBeNull();
    await after.close();
    // A new value starts.
    const next = await startProxy(
      { ...BASE_ENV, ...env, BANANA_DEV_TOKEN: 'a-new-dev-token-456789' },
      { writeLog: () => undefined },
    );
    await next.close();
  });
});

describePostgres('a PostgreSQL store that refuses us', () => {
  it('a wrong password names DATABASE_URL and the fix, never the password', async () => {
    const url = new URL(testDatabaseUrl()!);
    url.password = 'definitely-wrong-password';
    const message = await startFails({ DATABASE_URL: url.toString() });
    expect(message).toMatch(/^PostgreSQL refused the user name or password in DATABASE_URL\./);
    expect(message).not.toContain('definitely-wrong-password');
  });
});
