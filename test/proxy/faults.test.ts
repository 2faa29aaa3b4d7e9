/**
 * Gemini misbehaving in every way at once, through two proxy instances on one store (PostgreSQL when the tests
 * have one, as under CI; else SQLite): 429, 500 and 503 storms, calls that hang, connections dropped mid-body,
 * corrupt images, flaky calls that pass on retry. Every request ends within its deadline in an image or a
 * specific error, and the ledger holds exactly one settled row per request with that same outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { generateRequest, startHarness, TEST_KEY, type Harness } from '../support/proxy-harness.js';
import { testDatabaseUrl } from '../support/test-database.js';

/** Trigger, expected status and code, and the upstream calls it takes (retries included). */
const CASES: [string, number, string, number][] = [
  ['', 200, 'ok', 1],
  ['[double:slow:80]', 200, 'ok', 1],
  ['[double:flaky-503]', 200, 'ok', 2],
  ['[double:flaky-429:2]', 200, 'ok', 3],
  ['[double:flaky-500]', 200, 'ok', 2],
  ['[double:429]', 429, 'upstream_rate_limited', 3],
  ['[double:500]', 502, 'upstream_error', 3],
  ['[double:503]', 503, 'upstream_unavailable', 3],
  ['[double:drop]', 503, 'upstream_unavailable', 3],
  ['[double:corrupt-image]', 502, 'upstream_error', 1],
  ['[double:hang]', 504, 'upstream_timeout', 1],
];
const EACH = 8;

describe(`a storm of upstream faults through two instances on ${testDatabaseUrl() ? 'PostgreSQL' : 'SQLite'}`, () => {
  let double: GeminiDouble;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    double = await startGeminiDouble({ apiKey: TEST_KEY });
    // 90 s for 512 on 3.1 Flash scaled to 6.3 s: a hang ends as a timeout quickly, and 88 pictures drawn by the
    // double on this same thread still fit.
    const options = { double, timeoutScale: 0.07, maxConcurrent: 16 };
    a = await startHarness({ ...options, ...(testDatabaseUrl() ? { store: 'postgres' as const } : {}) });
    b = await startHarness({
      ...options,
      ...(a.databaseUrl ? { databaseUrl: a.databaseUrl } : { dataDir: a.dataDir }),
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await double?.close();
  });

  it(`${CASES.length * EACH} requests, all at once: each ends in its image or its specific error, with one settled row`, async () => {
    const started = performance.now();
    const runs = CASES.flatMap(([trigger, status, code, calls], c) =>
      Array.from({ length: EACH }, (_, i) => ({
        trigger,
        status,
        code,
        calls,
        prompt: `storm ${c}-${i} ${trigger}`.trim(),
      })),
    );
    const results = await Promise.all(
      runs.map(async (run, i) => {
        const res = await (i % 2 === 0 ? a : b).app.request(
          '/v1/generate',
          generateRequest({ prompt: run.prompt, model: 'gemini-3.1-flash-image', imageSize: '512' }),
        );
        const json = await res.json();
        return { run, status: res.status, json, id: res.headers.get('x-request-id')! };
      }),
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    for (const { run, status, json, id } of results) {
      expect([run.trigger, status, status === 200 ? 'ok' : json.error.code]).toEqual([
        run.trigger,
        run.status,
        run.code,
      ]);
      if (status !== 200) expect(json.error.message.length).toBeGreaterThan(20);
      const row = await a.store.usageRecord(id);
      expect([run.trigger, row?.outcome, row?.attempts]).toEqual([run.trigger, run.code, run.calls]);
      const sent = double.requests.filter((r) => JSON.stringify(r.body).includes(`"${run.prompt}"`));
      expect([run.trigger, sent.length]).toEqual([run.trigger, run.calls]);
    }
    expect(await a.store.countUsage()).toBe(runs.length);
    const groups = await b.store.usageGroups(0);
    expect(groups.reduce((n, g) => n + g.requests, 0)).toBe(runs.length);
    expect(groups.reduce((n, g) => n + g.errors, 0)).toBe(results.filter((r) => r.status !== 200).length);
  }, 60_000);
});
