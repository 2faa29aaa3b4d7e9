/**
 * The admin API's cost view (`GET /admin/api/usage`): per person and per model, the batch share and what the cache
 * saved, per day, and the month's projection, from usage rows seeded in each store (SQLite, and PostgreSQL when
 * there is one: test/global-setup.ts), with a Batch API job among them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, seedCostSampleAsync, seedSingleAsync, tokenIdAsync } from '../support/cost-seed.js';
import { adminRequest, startHarness, TEST_NOW, type Harness } from '../support/proxy-harness.js';
import { testDatabaseUrl } from '../support/test-database.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const kinds = (['sqlite', 'postgres'] as const).filter((kind) => kind === 'sqlite' || testDatabaseUrl() !== null);

describe.each(kinds)('the cost view on the %s store', (kind) => {
  it('reports the batch share, the cache savings per day and the month’s projection', async () => {
    h = await startHarness({ store: kind });
    await seedCostSampleAsync(h.store);
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
    const jon = report.byPerson.find((p: { name: string }) => p.name === 'Jon');
    expect(jon).toMatchObject({
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
    const ivy = await tokenIdAsync(h.store, 'Ivy');
    await seedSingleAsync(h.store, ivy, 'Ivy', TEST_NOW - 17 * DAY_MS, 0.5);
    const report = await (await h.app.request('/admin/api/usage?days=7', adminRequest('GET'))).json();
    expect(report.totals.costUsd).toBe(0);
    expect(report.projection.monthToDateUsd).toBe(0.5);
  });
});
