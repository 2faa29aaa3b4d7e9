/**
 * Two real proxy processes on one PostgreSQL database, behind a (simulated) load balancer that alternates between
 * them, against the Gemini double: a bounded load run (300 requests, 50 at a time) that must lose nothing, and an
 * instance killed with SIGKILL in the middle of a request, whose reservation must end settled and stop holding
 * the person's quota. `npm run bench` runs the long version (thousands of requests, hundreds at a time).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../proxy/store/pg-store.js';
import type { ProxyStore } from '../../proxy/store/store.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { ADMIN_TOKEN, TEST_KEY } from '../support/proxy-harness.js';
import { startProxyProcess, type ProxyProcess } from '../support/proxy-process.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/test-database.js';

const DEV_TOKEN = 'scale-out-dev-token-0123456789';

describePostgres('two proxy processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let double: GeminiDouble;
  let store: ProxyStore;
  let a: ProxyProcess;
  let b: ProxyProcess;

  beforeAll(async () => {
    database = await createTestDatabase('scale');
    double = await startGeminiDouble({ apiKey: TEST_KEY });
    const env = {
      DATABASE_URL: database.url,
      GEMINI_API_KEY: TEST_KEY,
      GEMINI_BASE_URL: double.url,
      BANANA_DEV_TOKEN: DEV_TOKEN,
      BANANA_ADMIN_TOKEN: ADMIN_TOKEN,
      BANANA_MAX_CONCURRENT: '16',
      BANANA_DB_POOL_MAX: '8',
    };
    // Both at once: their migrations race, and the advisory lock lets one apply them.
    [a, b] = await Promise.all([startProxyProcess(env), startProxyProcess(env)]);
    store = await openPostgresStore({ url: database.url, poolMax: 2 });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await store?.close();
    await double?.close();
    await database?.drop();
  });

  // Reads the whole body before returning: an unread body left on a keep-alive socket errors when its instance
  // is killed later, and that error would surface as an unhandled rejection outside any test.
  const generate = async (url: string, body: object, token = DEV_TOKEN): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${url}/v1/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  it('serves 300 requests, 50 at a time, through both: no error, every usage row written, memory bounded', async () => {
    const total = 300;
    const concurrency = 50;
    const idle = [a.rss(), b.rss()];
    const peak = [...idle];
    const sampler = setInterval(() => {
      peak[0] = Math.max(peak[0]!, a.rss());
      peak[1] = Math.max(peak[1]!, b.rss());
    }, 20);
    const statuses: number[] = [];
    const cached: boolean[] = [];
    let next = 0;
    const callsBefore = double.requests.length;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          // Every tenth from the 100th on repeats one from 100 requests earlier, through the other instance (100
          // is odd tens apart, so the other parity): a hit in the shared cache.
          const prompt = i % 10 === 9 && i >= 100 ? `load ${i - 99}` : `load ${i}`;
          const res = await generate(i % 2 === 0 ? a.url : b.url, {
            prompt,
            model: 'gemini-3.1-flash-image',
            imageSize: '512',
          });
          statuses.push(res.status);
          cached.push(res.status === 200 && (res.json as { cached: boolean }).cached);
        }
      }),
    );
    clearInterval(sampler);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const dev = (await store.findToken('dev'))!;
    const groups = (await store.usageGroups(0)).filter((g) => g.tokenName === 'dev');
    expect(groups.reduce((n, g) => n + g.requests, 0)).toBe(total);
    expect(groups.reduce((n, g) => n + g.errors, 0)).toBe(0);
    const hits = cached.filter(Boolean).length;
    // 20 repeats; one could race its original if that was slow (both go upstream then), so allow a few.
    expect(hits).toBeGreaterThan(15);
    expect((await store.usageTotals(dev.id, 0)).images).toBe(total - hits);
    expect(double.requests.length - callsBefore).toBe(total - hits);
    // Memory stays bounded: the load adds tens of MB, not hundreds.
    for (const [i, p] of peak.entries()) expect(p - idle[i]!).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it('an instance killed mid-request: the client gets a clear failure, the other instance serves on, and the reservation is settled later', async () => {
    const created = await store.createToken({
      name: 'Kim',
      limits: { dailyImages: 1, monthlyUsd: null, rpm: null },
      now: Date.now(),
    });
    if (!created.ok) throw new Error(created.error.message);
    const kim = created.value.token;
    const before = double.requests.length;
    // Its failure is caught at once: it can come while the kill is still being awaited, and a rejection with no
    // handler by then is reported as unhandled even if one is attached a moment later.
    const outcome = generate(
      a.url,
      { prompt: 'killed mid-request [double:hang]', model: 'gemini-3.1-flash-image', imageSize: '512' },
      kim,
    ).then(
      (answered) => answered,
      (error: unknown) => error,
    );
    await expect.poll(() => double.requests.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await a.kill();
    const failure = await outcome;
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toMatch(/fetch failed/);
    await expect.poll(() => double.requests.at(-1)?.aborted).toBe(true);

    // The row is still a reservation: within a live request's lifetime it holds Kim's one image of the day.
    const [row] = (await store.usageGroups(0)).filter((g) => g.tokenName === 'Kim');
    expect(row).toMatchObject({ requests: 1, images: 0, errors: 0 });
    const held = await generate(
      b.url,
      { prompt: 'while it is held', model: 'gemini-3.1-flash-image', imageSize: '512' },
      kim,
    );
    expect([held.status, held.json.error.code]).toEqual([429, 'limit_reached']);

    // Once no live request could still own it (the sweep every instance runs, here as if that time had come),
    // it is settled as interrupted: no image counted, its estimate kept as cost, and the quota is free again.
    expect(await store.expireReservations(Date.now() + 1)).toBe(1);
    const settled = (await store.usageGroups(0)).filter((g) => g.tokenName === 'Kim');
    expect(settled.reduce((n, g) => n + g.errors, 0)).toBe(2);
    expect((await store.usageTotals(created.value.record.id, 0)).costUsd).toBeGreaterThan(0);
    const after = await generate(
      b.url,
      { prompt: 'after the sweep', model: 'gemini-3.1-flash-image', imageSize: '512' },
      kim,
    );
    expect([after.status, typeof after.json.image?.data]).toEqual([200, 'string']);
    // And the surviving instance served everyone else all along.
    const other = await generate(b.url, { prompt: 'still serving', model: 'gemini-3.1-flash-image', imageSize: '512' });
    expect([other.status, typeof other.json.image?.data]).toEqual([200, 'string']);
  }, 60_000);

  it('never writes the key, a team token or the admin token to its logs', () => {
    const logs = [...a.output, ...b.output].join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [TEST_KEY, DEV_TOKEN, ADMIN_TOKEN, database.url]) expect(logs).not.toContain(secret);
  });
});
