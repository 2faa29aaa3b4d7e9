/**
 * Two proxy instances on one PostgreSQL database (two apps, each with its own connection pool, as two processes
 * behind a load balancer would have), sharing one Gemini double: limits, budgets and the rate hold across them to
 * the image, the cache is shared, and a token change made through one is seen by the other at once. Also the
 * migrations that instances starting together must apply exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../proxy/store/pg-db.js';
import { migratePg } from '../../proxy/store/pg-migrate.js';
import { PG_MIGRATIONS } from '../../proxy/store/pg-migrations.js';
import { openPostgresStore } from '../../proxy/store/pg-store.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { generateRequest, startHarness, TEST_KEY, TEST_NOW, type Harness } from '../support/proxy-harness.js';
import { createTestDatabase, describePostgres } from '../support/test-database.js';

describePostgres('migrations on PostgreSQL', () => {
  it('are applied once when four instances start on an empty database at the same moment', async () => {
    const database = await createTestDatabase('mig');
    try {
      const stores = await Promise.all(
        [1, 2, 3, 4].map((i) => openPostgresStore({ url: database.url, now: TEST_NOW + i, poolMax: 2 })),
      );
      const seen = await Promise.all(stores.map((s) => s.migrations()));
      for (const list of seen) expect(list).toEqual(seen[0]);
      expect(seen[0]!.map((m) => [m.version, m.name])).toEqual(PG_MIGRATIONS.map((m) => [m.version, m.name]));
      // One instance applied them all; the others found nothing left to do.
      expect(new Set(seen[0]!.map((m) => m.appliedAt)).size).toBe(1);
      // The store's own pool: every connection listens for errors, so the drop below (which ends connections still
      // closing) cannot surface as an uncaught error.
      const pool = createPool({ url: database.url, max: 2 });
      try {
        expect(await migratePg(pool, PG_MIGRATIONS, TEST_NOW + 9)).toEqual([]);
        const future = [...PG_MIGRATIONS, { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' }];
        expect(await migratePg(pool, future, TEST_NOW)).toEqual([99]);
        await expect(migratePg(pool, PG_MIGRATIONS, TEST_NOW)).rejects.toThrow(/newer Banana Studio proxy/);
      } finally {
        await pool.end();
      }
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await database.drop();
    }
  });
});

describePostgres('two instances on one database', () => {
  let double: GeminiDouble;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    double = await startGeminiDouble({ apiKey: TEST_KEY });
    a = await startHarness({ store: 'postgres', double });
    b = await startHarness({ databaseUrl: a.databaseUrl!, double });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await double.close();
  });

  /** Alternates between the instances, as a load balancer would. */
  const post = async (i: number, token: string, body: object) => {
    const res = await (i % 2 === 0 ? a : b).app.request('/v1/generate', generateRequest(body, token));
    return { status: res.status, json: await res.json() };
  };
  const calls = (): number => double.requests.length;

  it('let exactly 10 of 60 parallel requests through on a daily limit of 10, whichever instance took them', async () => {
    const token = await a.addToken('Split', { dailyImages: 10 });
    const before = { calls: calls(), rows: await a.store.countUsage() };
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post(i, token, { prompt: `split ${i}`, model: 'gemini-3.1-flash-image', imageSize: '512' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429).every((r) => r.json.error.code === 'limit_reached')).toBe(true);
    expect(results.filter((r) => r.status === 429)).toHaveLength(50);
    // Both instances served some of the ten.
    expect(calls() - before.calls).toBe(10);
    expect((await b.store.countUsage()) - before.rows).toBe(60);
    expect((await a.store.usageTotals((await a.store.findToken('Split'))!.id, 0)).images).toBe(10);
  });

  it('hold a monthly budget across instances: none reserves past it', async () => {
    // 3.1 Flash 512 is estimated at $0.0456 (the image and its typical text): four estimates fit in $0.19, a fifth
    // would not. A request settled before another reserves counts at its real cost (about $0.045 here, its thinking
    // at the text rate), which leaves room for three or four.
    const token = await a.addToken('Budgeted', { monthlyUsd: 0.19 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i, token, { prompt: `budget ${i}`, model: 'gemini-3.1-flash-image', imageSize: '512' }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(3);
    expect(ok.length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => r.status === 402)).toHaveLength(20 - ok.length);
  });

  it('hold requests per minute across instances', async () => {
    const token = await a.addToken('Rapid', { rpm: 3 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(i, token, { prompt: `rapid ${i}`, model: 'gemini-3.1-flash-image', imageSize: '512' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(9);
  });

  it('share the cache: an answer paid for on one is served free by the other', async () => {
    const body = { prompt: 'shared cache lighthouse', model: 'gemini-3.1-flash-image', imageSize: '512' };
    const first = await a.app.request('/v1/generate', generateRequest(body));
    expect((await first.json()).cached).toBe(false);
    const before = calls();
    const second = await (await b.app.request('/v1/generate', generateRequest(body))).json();
    expect(second).toMatchObject({ cached: true, usage: { costUsd: 0 } });
    expect(calls()).toBe(before);
    expect(await b.store.cacheStats()).toEqual(await a.store.cacheStats());
  });

  it('see a revocation and a new limit made through the other instance on the very next request', async () => {
    const token = await a.addToken('Moving', { dailyImages: 1 });
    expect(
      (await post(0, token, { prompt: 'moving one', model: 'gemini-3.1-flash-image', imageSize: '512' })).status,
    ).toBe(200);
    expect(
      (await post(1, token, { prompt: 'moving two', model: 'gemini-3.1-flash-image', imageSize: '512' })).status,
    ).toBe(429);
    await b.store.setLimits('Moving', { dailyImages: 2 });
    expect(
      (await post(0, token, { prompt: 'moving three', model: 'gemini-3.1-flash-image', imageSize: '512' })).status,
    ).toBe(200);
    await a.store.revokeToken('Moving', TEST_NOW);
    expect(
      (await post(1, token, { prompt: 'moving four', model: 'gemini-3.1-flash-image', imageSize: '512' })).status,
    ).toBe(401);
  });

  it('answer /health/ready with the store they share', async () => {
    for (const h of [a, b]) {
      const res = await h.app.request('/health/ready');
      expect([res.status, await res.json()]).toMatchObject([200, { status: 'ok', store: 'postgres' }]);
    }
  });
});

describe('the reservation lifetime', () => {
  it('covers the queue wait, the longest model timeout and a minute to settle', async () => {
    const { reservationTtlMs } = await import('../../proxy/reservation-ttl.js');
    const { proxyConfig } = await import('../../proxy/proxy-config.js');
    const { loadRegistry } = await import('../support/registry.js');
    // The registry's longest timeout is 3 Pro at 4K: 360 s.
    expect(reservationTtlMs(loadRegistry(), proxyConfig())).toBe(300_000 + 360_000 + 60_000);
    expect(reservationTtlMs(loadRegistry(), proxyConfig({ maxQueueWaitMs: 1000, timeoutScale: 0.01 }))).toBe(
      1000 + 3600 + 60_000,
    );
  });
});
