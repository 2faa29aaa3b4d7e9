/**
 * The admin API's cost view (`GET /admin/api/usage`): per person and per model, the batch share and what the cache
 * saved, per day, and the month's projection, from usage rows seeded in each store (SQLite, and PostgreSQL when
 * there is one: test/global-setup.ts), with a Batch API job among them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewBatchJob } from '../../proxy/store/batch-rows.js';
import type { ProxyStore } from '../../proxy/store/store.js';
import { adminRequest, startHarness, TEST_NOW, type Harness } from '../support/proxy-harness.js';
import { reservation, settled } from '../support/store-contract.js';
import { testDatabaseUrl } from '../support/test-database.js';

const DAY = 86_400_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A settled single request of `name` at `at`, costing `costUsd` (a cache hit when `savedUsd` is set). */
async function single(store: ProxyStore, tokenId: string, name: string, at: number, costUsd: number, savedUsd = 0) {
  const r = reservation(tokenId, { tokenName: name, now: at, model: 'gemini-3-pro-image' });
  await store.reserve(r);
  await store.recordUsage(settled(r, { createdAt: at, costUsd, savedUsd, cached: savedUsd > 0 }));
}

/** A Batch API job of `name` submitted at `at`, finished: two images at $0.02 each and one refusal. */
async function batch(store: ProxyStore, tokenId: string, name: string, at: number) {
  const reservations = [0, 1, 2].map((i) =>
    reservation(tokenId, { tokenName: name, requestId: `job1/${i}`, now: at, estimatedCostUsd: 0.03 }),
  );
  const job: NewBatchJob = {
    id: 'job1',
    tokenId,
    tokenName: name,
    fileKey: 'FILE1',
    model: 'gemini-3.1-flash-image',
    imageSize: '1K',
    layerIds: ['1:10', '1:11', '1:12'],
    reservations,
    now: at,
  };
  expect(await store.createBatchJob(job)).toEqual({ ok: true });
  const done = await store.finishBatchJob({
    id: 'job1',
    state: 'succeeded',
    results: [
      { index: 0, image: { mimeType: 'image/png', width: 8, height: 8, bytes: new Uint8Array([1]) } },
      { index: 1, image: { mimeType: 'image/png', width: 8, height: 8, bytes: new Uint8Array([2]) } },
      { index: 2, error: { code: 'safety_blocked', message: 'Refused.' } },
    ],
    usage: reservations.map((r, i) =>
      settled(r, { createdAt: at, costUsd: i < 2 ? 0.02 : 0, outcome: i < 2 ? 'ok' : 'safety_blocked' }),
    ),
    now: at + 3_600_000,
  });
  expect(done).toBe(true);
}

const stores: ['sqlite' | 'postgres', boolean][] = [
  ['sqlite', true],
  ['postgres', testDatabaseUrl() !== null],
];

describe.each(stores.filter(([, available]) => available))('the cost view on the %s store', (kind) => {
  it('reports the batch share, the cache savings per day and the month’s projection', async () => {
    h = await startHarness({ store: kind });
    const ivy = await h.store.createToken({
      name: 'Ivy',
      limits: { dailyImages: null, monthlyUsd: null, rpm: null },
      now: TEST_NOW,
    });
    const jon = await h.store.createToken({
      name: 'Jon',
      limits: { dailyImages: null, monthlyUsd: null, rpm: null },
      now: TEST_NOW,
    });
    if (!ivy.ok || !jon.ok) throw new Error('tokens');
    const ivyId = ivy.value.record.id;
    await single(h.store, ivyId, 'Ivy', TEST_NOW - 18 * DAY, 1); // 31 October: last month
    await single(h.store, ivyId, 'Ivy', TEST_NOW - 17 * DAY, 0.5); // 1 November
    await single(h.store, ivyId, 'Ivy', TEST_NOW - 6 * DAY, 0.07); // 12 November
    await batch(h.store, jon.value.record.id, 'Jon', TEST_NOW - DAY); // 17 November
    await single(h.store, ivyId, 'Ivy', TEST_NOW, 0.134); // today
    await single(h.store, ivyId, 'Ivy', TEST_NOW, 0, 0.134); // today, from the cache

    const res = await h.app.request('/admin/api/usage', adminRequest('GET'));
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.totals).toMatchObject({
      requests: 8,
      costUsd: 1.744,
      batchRequests: 3,
      batchCostUsd: 0.04,
      savedUsd: 0.134,
    });
    expect(report.totals.batchCostByDay.slice(-2)).toEqual([0.04, 0]);
    expect(report.totals.savedByDay.slice(-2)).toEqual([0, 0.134]);
    const jonLine = report.byPerson.find((p: { name: string }) => p.name === 'Jon');
    expect(jonLine).toMatchObject({
      requests: 3,
      images: 2,
      errors: 1,
      costUsd: 0.04,
      batchRequests: 3,
      batchCostUsd: 0.04,
    });
    const flash = report.byModel.find((m: { model: string }) => m.model === 'gemini-3.1-flash-image');
    expect(flash).toMatchObject({ batchCostUsd: 0.04, costUsd: 0.04 });
    const pro = report.byModel.find((m: { model: string }) => m.model === 'gemini-3-pro-image');
    expect(pro).toMatchObject({ batchCostUsd: 0, costUsd: 1.704, savedUsd: 0.134 });
    // 1 to 18 November: 0.5 + 0.07 + 0.04 + 0.134; the 7 full days before today (11–17): 0.11; 12 days left.
    expect(report.projection).toEqual({
      month: '2026-11',
      monthToDateUsd: 0.744,
      monthToDateBatchUsd: 0.04,
      monthToDateSavedUsd: 0.134,
      dailyAverageUsd: 0.015714,
      daysLeft: 12,
      projectedUsd: 0.932571,
    });
  });

  it('reaches back for the projection past a short report', async () => {
    h = await startHarness({ store: kind });
    const ivy = await h.store.createToken({
      name: 'Ivy',
      limits: { dailyImages: null, monthlyUsd: null, rpm: null },
      now: TEST_NOW,
    });
    if (!ivy.ok) throw new Error('token');
    await single(h.store, ivy.value.record.id, 'Ivy', TEST_NOW - 17 * DAY, 0.5);
    const report = await (await h.app.request('/admin/api/usage?days=7', adminRequest('GET'))).json();
    expect(report.totals.costUsd).toBe(0);
    expect(report.projection.monthToDateUsd).toBe(0.5);
  });
});
