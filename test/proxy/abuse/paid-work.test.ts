/**
 * Paid work is never lost: when the store fails after Gemini answered (the cache write or the usage row), the
 * designer still gets the image; the failure is logged and counted, and `/health/ready` shows the count. Readiness
 * fails, with the reason, on a store that cannot take writes, a disk below the free-space floor, or a damaged file.
 *
 * The failing writes are real SQLite failures of the store's own file: a trigger added from a second connection
 * raises SQLite's "database or disk is full" (SQLITE_FULL's text) for the statement it guards, as a full disk would.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../proxy/store/sqlite-store.js';
import { generateRequest, startHarness, type Harness } from '../../support/proxy-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Runs SQL on the harness's database file from a connection of its own (another process could do the same). */
function onFile(harness: Harness, sql: string): void {
  const db = new DatabaseSync(join(harness.dataDir, DATABASE_FILE), { timeout: 5000 });
  db.exec(sql);
  db.close();
}

async function ready(harness: Harness) {
  const res = await harness.app.request('/health/ready');
  return { status: res.status, json: (await res.json()) as Record<string, never> };
}

async function post(harness: Harness, prompt: string) {
  const res = await harness.app.request(
    '/v1/generate',
    generateRequest({ prompt, model: 'gemini-3.1-flash-image', imageSize: '512' }),
  );
  return { status: res.status, json: await res.json(), id: res.headers.get('x-request-id')! };
}

describe('an answer Gemini was paid for', () => {
  it('goes out when the cache write fails, uncached, and the failure is counted', async () => {
    h = await startHarness();
    onFile(
      h,
      `CREATE TRIGGER disk_full BEFORE INSERT ON cache BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`,
    );
    const answer = await post(h, 'a paid lighthouse');
    expect(answer.status).toBe(200);
    expect(answer.json.image.data.length).toBeGreaterThan(100);
    expect(await h.store.usageRecord(answer.id)).toMatchObject({ outcome: 'ok', cached: false });
    expect(h.logs.at(-1)).toContain('"fault":"cache_write_failed"');
    expect((await ready(h)).json.faults).toEqual({ cacheReadFailed: 0, cacheWriteFailed: 1, usageWriteFailed: 0 });
    const calls = h.double.requests.length;
    expect((await post(h, 'a paid lighthouse')).json.cached).toBe(false);
    expect(h.double.requests.length).toBe(calls + 1);
  });

  it('goes out when its usage row cannot be settled, and the failure is counted', async () => {
    h = await startHarness();
    onFile(
      h,
      `CREATE TRIGGER usage_full BEFORE UPDATE ON usage WHEN NEW.state = 'done' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`,
    );
    const answer = await post(h, 'an unrecorded lighthouse');
    expect(answer.status).toBe(200);
    // Gemini 3.1 Flash answers JPEG, as the real one does (dev/gemini-double/answer.ts).
    expect(answer.json.image).toMatchObject({ mimeType: 'image/jpeg' });
    expect(answer.json.image.data.length).toBeGreaterThan(100);
    expect(h.logs.at(-1)).toContain('"fault":"usage_write_failed"');
    expect((await ready(h)).json.faults).toMatchObject({ usageWriteFailed: 1 });
  });

  it('is served without the cache when the cache cannot be read', async () => {
    h = await startHarness();
    await post(h, 'a cached then broken lighthouse');
    onFile(h, 'ALTER TABLE cache RENAME TO cache_gone;');
    const answer = await post(h, 'a cached then broken lighthouse');
    expect([answer.status, answer.json.cached]).toEqual([200, false]);
    expect((await ready(h)).json.faults).toMatchObject({ cacheReadFailed: 1 });
  });
});

describe('/health/ready', () => {
  it('is 200 with the store kind on a healthy store, and /health never touches the store', async () => {
    h = await startHarness();
    expect(await ready(h)).toMatchObject({ status: 200, json: { status: 'ok', store: 'sqlite' } });
    onFile(
      h,
      `CREATE TRIGGER ro BEFORE UPDATE ON schema_migrations BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;`,
    );
    expect((await h.app.request('/health')).status).toBe(200);
  });

  it('fails when the store refuses writes (read-only), saying so', async () => {
    h = await startHarness();
    onFile(
      h,
      `CREATE TRIGGER ro BEFORE UPDATE ON schema_migrations BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;`,
    );
    const r = await ready(h);
    expect(r.status).toBe(503);
    expect(JSON.stringify(r.json)).toMatch(/cannot be written \(attempt to write a readonly database\)/);
  });

  it('fails when the data dir’s disk is below the free-space floor', async () => {
    h = await startHarness({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const r = await ready(h);
    expect(r.status).toBe(503);
    expect(JSON.stringify(r.json)).toMatch(/MB free, less than the .* MB kept free \(BANANA_MIN_FREE_MB\)/);
  });

  it('fails when the database file is damaged under the running proxy', async () => {
    h = await startHarness();
    // Garbage over the file and its write-ahead log, as a bad disk or a stray copy would leave them.
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const file = join(h.dataDir, name);
      const fd = openSync(file, 'r+');
      const size = statSync(file).size;
      writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, 0);
      closeSync(fd);
    }
    const r = await ready(h);
    expect(r.status).toBe(503);
    expect(JSON.stringify(r.json)).toMatch(/database file is damaged/);
    expect(JSON.stringify(r.json)).not.toContain(h.dataDir);
  });
});
