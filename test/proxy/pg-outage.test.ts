/**
 * The database going away under load: connections terminated mid-run (what a failover or `pg_terminate_backend`
 * does), the server restarted mid-request, and the server down for longer than the store waits. Every request
 * ends in an answer or a clear 503 with `Retry-After`, nothing hangs, and the ledger stays whole: every image
 * served has its `ok` row, and no row is left in flight.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { generateRequest, startHarness, TEST_KEY, type Harness } from '../support/proxy-harness.js';
import { postgresInstalled, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { describePostgres, terminateConnections } from '../support/test-database.js';

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble({ apiKey: TEST_KEY });
});
afterAll(async () => {
  await double.close();
});

interface Outcome {
  status: number;
  json: any;
  id: string;
  retryAfter: string | null;
}

async function post(h: Harness, body: object): Promise<Outcome> {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return {
    status: res.status,
    json: await res.json(),
    id: res.headers.get('x-request-id')!,
    retryAfter: res.headers.get('retry-after'),
  };
}

/** Every 200 has its settled `ok` row; every other answer is the database's clear 503; nothing is left reserved. */
async function expectWholeLedger(h: Harness, outcomes: Outcome[]): Promise<void> {
  for (const o of outcomes) {
    if (o.status === 200) {
      expect((await h.store.usageRecord(o.id))?.outcome).toBe('ok');
    } else {
      expect([o.status, o.json.error.code, o.retryAfter]).toEqual([503, 'proxy_busy', '5']);
      expect(o.json.error.message).toMatch(/cannot reach its database/);
    }
  }
  const inFlight = await Promise.all(outcomes.map(async (o) => (await h.store.usageRecord(o.id))?.outcome));
  expect(inFlight.filter((x) => x === 'reserved')).toEqual([]);
}

describePostgres('connections terminated mid-run', () => {
  it('are retried: 80 requests over two instances all end well while every connection is cut again and again', async () => {
    const a = await startHarness({ store: 'postgres', double });
    const b = await startHarness({ databaseUrl: a.databaseUrl!, double });
    try {
      const token = await a.addToken('Steady', { dailyImages: 1000 });
      const name = new URL(a.databaseUrl!).pathname.slice(1);
      let cuts = 0;
      let cutting = true;
      const cutter = (async () => {
        while (cutting) {
          cuts += await terminateConnections(name);
          await new Promise((r) => setTimeout(r, 40));
        }
      })();
      const outcomes = await Promise.all(
        Array.from({ length: 80 }, async (_, i) => {
          const h = i % 2 === 0 ? a : b;
          const res = await h.app.request(
            '/v1/generate',
            generateRequest(
              { prompt: `cut ${i} [double:slow:20]`, model: 'gemini-3.1-flash-image', imageSize: '512' },
              token,
            ),
          );
          return { status: res.status, json: await res.json(), id: res.headers.get('x-request-id')!, retryAfter: null };
        }),
      );
      cutting = false;
      await cutter;
      expect(cuts).toBeGreaterThan(5);
      expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 200));
      await expectWholeLedger(a, outcomes);
      expect((await a.store.usageTotals((await a.store.findToken('Steady'))!.id, 0)).images).toBe(80);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

const describeRestart = postgresInstalled() || process.env.CI ? describePostgres : () => undefined;

describeRestart('the PostgreSQL server restarted and stopped', () => {
  let pg: PrivatePostgres;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  }, 120_000);
  afterAll(async () => {
    await pg?.destroy();
  });

  it('a restart mid-request: requests in flight ride it out and settle their rows', async () => {
    const h = await startHarness({ databaseUrl: pg.url, double });
    try {
      const pending = Array.from({ length: 30 }, (_, i) =>
        post(h, {
          prompt: `restart ${i} [double:slow:${300 + i * 10}]`,
          model: 'gemini-3.1-flash-image',
          imageSize: '512',
        }),
      );
      await expect
        .poll(() => double.requests.filter((r) => /restart \d+/.test(JSON.stringify(r.body))).length, {
          timeout: 10_000,
        })
        .toBe(30);
      await pg.restart();
      // And requests that arrive while it is coming back.
      const late = Array.from({ length: 10 }, (_, i) =>
        post(h, { prompt: `after restart ${i}`, model: 'gemini-3.1-flash-image', imageSize: '512' }),
      );
      const outcomes = await Promise.all([...pending, ...late]);
      expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(30);
      await expectWholeLedger(h, outcomes);
    } finally {
      await h.close();
    }
  });

  it('a server down for longer than the store waits: a clear 503 at once, /health/ready says so, then recovery', async () => {
    const h = await startHarness({ databaseUrl: pg.url, double, storeRetry: { totalMs: 1500, firstDelayMs: 50 } });
    try {
      expect(
        (await post(h, { prompt: 'before the outage', model: 'gemini-3.1-flash-image', imageSize: '512' })).status,
      ).toBe(200);
      await pg.stop();
      const started = performance.now();
      const down = await post(h, { prompt: 'during the outage', model: 'gemini-3.1-flash-image', imageSize: '512' });
      expect(performance.now() - started).toBeLessThan(8000);
      expect([down.status, down.json.error.code, down.retryAfter]).toEqual([503, 'proxy_busy', '5']);
      expect(down.json.error.message).not.toMatch(/ECONN|postgres|banana:banana/i);
      const ready = await h.app.request('/health/ready');
      expect([ready.status, (await ready.json()).error.code]).toEqual([503, 'proxy_busy']);
      expect((await h.app.request('/health')).status).toBe(200);
      await pg.start();
      await expect.poll(async () => (await h.app.request('/health/ready')).status, { timeout: 10_000 }).toBe(200);
      const after = await post(h, { prompt: 'after the outage', model: 'gemini-3.1-flash-image', imageSize: '512' });
      expect(after.status).toBe(200);
      await expectWholeLedger(h, [after]);
    } finally {
      await h.close();
    }
  });
});
