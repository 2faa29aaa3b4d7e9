import { describe, expect, it } from 'vitest';
import { buildUsageReport, reportDays, type UsageGroup } from '../../core/usage-report.js';

const g = (day: string, tokenName: string, model: string | null, over: Partial<UsageGroup> = {}): UsageGroup => ({
  day,
  tokenName,
  model,
  requests: 1,
  images: 1,
  cachedImages: 0,
  errors: 0,
  costUsd: 0.1,
  savedUsd: 0,
  batchRequests: 0,
  batchCostUsd: 0,
  ...over,
});

describe('reportDays', () => {
  it('lists the last N UTC days, oldest first, across a month end', () => {
    expect(reportDays(Date.parse('2026-12-02T08:00:00Z'), 4)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });
});

describe('buildUsageReport', () => {
  const days = ['2026-11-16', '2026-11-17', '2026-11-18'];

  it('totals per person and per model, with a value for every day', () => {
    const report = buildUsageReport(
      [
        g('2026-11-16', 'Ana', 'gemini-3-pro-image', { requests: 2, images: 2, costUsd: 0.5 }),
        g('2026-11-18', 'Ana', 'gemini-3.1-flash-image', { costUsd: 0.07 }),
        g('2026-11-18', 'Ben', 'gemini-3.1-flash-image', {
          requests: 3,
          images: 1,
          cachedImages: 2,
          savedUsd: 0.14,
          costUsd: 0.07,
        }),
        g('2026-11-18', 'Ben', null, { requests: 1, images: 0, errors: 1, costUsd: 0 }),
        g('2026-10-01', 'Old', 'gemini-3-pro-image'),
      ],
      days,
    );
    expect(report.days).toEqual(days);
    expect(report.byPerson.map((p) => [p.name, p.requests, p.images, p.costUsd, p.costByDay])).toEqual([
      ['Ana', 3, 3, 0.57, [0.5, 0, 0.07]],
      ['Ben', 4, 1, 0.07, [0, 0, 0.07]],
    ]);
    expect(report.byModel.map((m) => [m.model, m.requests, m.costUsd])).toEqual([
      ['gemini-3-pro-image', 2, 0.5],
      ['gemini-3.1-flash-image', 4, 0.14],
    ]);
    expect(report.totals).toMatchObject({ requests: 7, images: 4, cachedImages: 2, errors: 1, costUsd: 0.64 });
    expect(report.totals.imagesByDay).toEqual([2, 0, 4]);
    expect(report.cache).toEqual({ hits: 2, hitRate: 2 / 6, savedUsd: 0.14 });
  });

  it('is all zeros with no usage', () => {
    const report = buildUsageReport([], days);
    expect(report.byPerson).toEqual([]);
    expect(report.totals.costByDay).toEqual([0, 0, 0]);
    expect(report.cache.hitRate).toBe(0);
  });
});

describe('buildUsageReport: the batch share and the cache savings per day', () => {
  it('adds up what batch requests cost and what cache hits saved, per line and per day', () => {
    const report = buildUsageReport(
      [
        g('2026-11-17', 'Ben', 'gemini-3.1-flash-image', {
          requests: 3,
          batchRequests: 3,
          costUsd: 0.04,
          batchCostUsd: 0.04,
        }),
        g('2026-11-18', 'Ana', 'gemini-3-pro-image', { requests: 2, costUsd: 0.134, savedUsd: 0.134, cachedImages: 1 }),
      ],
      ['2026-11-17', '2026-11-18'],
    );
    expect(report.totals).toMatchObject({
      batchRequests: 3,
      batchCostUsd: 0.04,
      batchCostByDay: [0.04, 0],
      savedByDay: [0, 0.134],
    });
    expect(report.byPerson.map((p) => [p.name, p.batchCostUsd, p.savedUsd])).toEqual([
      ['Ana', 0, 0.134],
      ['Ben', 0.04, 0],
    ]);
  });
});
