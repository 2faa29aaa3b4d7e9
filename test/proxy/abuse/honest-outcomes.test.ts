/**
 * Honest outcomes: an upload the client abandons is recorded `cancelled` (not a 500 that inflates the error
 * figures); a proxy killed mid-request leaves a reservation that the next proxy on the machine settles at start-up,
 * and until then the refusal says the image is still in progress rather than claiming it was made.
 */
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openSqliteStore } from '../../../proxy/store/sqlite-store.js';
import { startProxyProcess, type ProxyProcess } from '../../support/proxy-process.js';
import { generateRequest, startHarness, tempDataDir, testClock } from '../../support/proxy-harness.js';

const dataDir = tempDataDir('banana-crash');
const running: ProxyProcess[] = [];
afterAll(async () => {
  for (const p of running) await p.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Rows of the usage table, read from the file as the admin CLI would. */
function usageRows(): { outcome: string | null; state: string; counts_image: number; token_name: string }[] {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return db.prepare('SELECT outcome, state, counts_image, token_name FROM usage ORDER BY created_at').all() as never;
  } finally {
    db.close();
  }
}

async function start(): Promise<ProxyProcess> {
  const p = await startProxyProcess({ BANANA_DATA_DIR: dataDir });
  running.push(p);
  return p;
}

describe('a proxy killed mid-request', () => {
  it('leaves quota that says "in progress", and the next proxy settles it at start-up', async () => {
    const store = openSqliteStore({ dataDir });
    const created = await store.createToken({
      name: 'Crash',
      limits: { dailyImages: 1, monthlyUsd: null, rpm: null },
      now: Date.now(),
    });
    await store.close();
    if (!created.ok) throw new Error(created.error.message);
    const token = created.value.token;

    const first = await start();
    const hanging = fetch(
      `${first.url}/v1/generate`,
      generateRequest({ prompt: 'never answered [double:hang]' }, token),
    );
    hanging.catch(() => undefined);
    await expect.poll(() => usageRows().filter((r) => r.state === 'reserved').length, { timeout: 10_000 }).toBe(1);
    await first.kill();
    running.splice(running.indexOf(first), 1);

    // Before any proxy restarts: the person is refused, in words that do not claim an image was made.
    const h = await startHarness({ dataDir, clock: testClock(Date.now()) });
    try {
      const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'meanwhile' }, token));
      const message = ((await res.json()) as { error: { message: string } }).error.message;
      expect(res.status).toBe(429);
      expect(message).toMatch(/^Your 1 image for today is taken: 0 made and 1 still in progress\./);
      expect(message).not.toMatch(/You have used/);
    } finally {
      await h.close();
    }

    const second = await start();
    expect(usageRows().find((r) => r.token_name === 'Crash' && r.outcome === 'interrupted')).toMatchObject({
      state: 'done',
      counts_image: 0,
    });
    const res = await fetch(`${second.url}/v1/generate`, generateRequest({ prompt: 'after the restart' }, token));
    expect(res.status).toBe(200);
  });
});

describe('an abandoned upload', () => {
  it('is recorded cancelled, with no internal error and no error log line', async () => {
    const proxy = running[0] ?? (await start());
    const store = openSqliteStore({ dataDir });
    const created = await store.createToken({
      name: 'Quitter',
      limits: { dailyImages: null, monthlyUsd: null, rpm: null },
      now: Date.now(),
    });
    await store.close();
    if (!created.ok) throw new Error(created.error.message);
    const { port, hostname } = new URL(proxy.url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /v1/generate HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${created.value.token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"prompt":"half an upload","images":[{"data":"',
    );
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    await expect
      .poll(
        () =>
          usageRows()
            .filter((r) => r.token_name === 'Quitter')
            .map((r) => r.outcome),
        { timeout: 10_000 },
      )
      .toEqual(['cancelled']);
    expect(usageRows().filter((r) => r.outcome === 'internal_error')).toEqual([]);
    expect(proxy.output.join('\n')).not.toMatch(/unexpected error/);
  });
});
