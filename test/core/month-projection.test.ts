import { describe, expect, it } from 'vitest';
import { projectMonth, projectionSince } from '../../core/month-projection.js';
import type { UsageGroup } from '../../core/usage-report.js';

const g = (day: string, costUsd: number, over: Partial<UsageGroup> = {}): UsageGroup => ({
  day,
  tokenName: 'Ana',
  model: 'gemini-3.1-flash-image',
  requests: 1,
  images: 1,
  cachedImages: 0,
  errors: 0,
  costUsd,
  savedUsd: 0,
  batchRequests: 0,
  batchCostUsd: 0,
  ...over,
});

describe('projectMonth', () => {
  it.each<
    [
      string,
      number,
      UsageGroup[],
      { monthToDateUsd: number; dailyAverageUsd: number; daysLeft: number; projectedUsd: number },
    ]
  >([
    [
      'mid-month: month to date plus the last 7 full days’ average × the days after today',
      Date.UTC(2026, 10, 18, 12),
      [g('2026-11-01', 0.5), g('2026-11-12', 0.07), g('2026-11-17', 0.04), g('2026-11-18', 0.134), g('2026-10-31', 1)],
      { monthToDateUsd: 0.744, dailyAverageUsd: 0.015714, daysLeft: 12, projectedUsd: 0.932571 },
    ],
    [
      'on the 2nd: the average reaches back into last month; month to date does not',
      Date.UTC(2026, 11, 2, 9),
      [g('2026-11-25', 0.7), g('2026-11-30', 0.7), g('2026-12-01', 1.4), g('2026-12-02', 0.2)],
      { monthToDateUsd: 1.6, dailyAverageUsd: 0.4, daysLeft: 29, projectedUsd: 13.2 },
    ],
    [
      'the last day of the month: nothing left to project',
      Date.UTC(2026, 0, 31, 23, 59),
      [g('2026-01-30', 7), g('2026-01-31', 1)],
      { monthToDateUsd: 8, dailyAverageUsd: 1, daysLeft: 0, projectedUsd: 8 },
    ],
    [
      'February of a leap year has 29 days',
      Date.UTC(2028, 1, 10),
      [g('2028-02-09', 0.7)],
      { monthToDateUsd: 0.7, dailyAverageUsd: 0.1, daysLeft: 19, projectedUsd: 2.6 },
    ],
    [
      'no usage at all',
      Date.UTC(2026, 10, 18),
      [],
      { monthToDateUsd: 0, dailyAverageUsd: 0, daysLeft: 12, projectedUsd: 0 },
    ],
  ])('%s', (_name, now, groups, expected) => {
    expect(projectMonth(groups, now)).toMatchObject(expected);
  });

  it('says the month, and the batch cost and cache savings of the month so far', () => {
    const projection = projectMonth(
      [g('2026-11-03', 0.06, { batchCostUsd: 0.06, batchRequests: 3 }), g('2026-11-04', 0, { savedUsd: 0.134 })],
      Date.UTC(2026, 10, 18),
    );
    expect(projection).toMatchObject({ month: '2026-11', monthToDateBatchUsd: 0.06, monthToDateSavedUsd: 0.134 });
  });

  it('needs usage from the 1st or 7 full days back, whichever is earlier', () => {
    expect(new Date(projectionSince(Date.UTC(2026, 10, 18, 12))).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(new Date(projectionSince(Date.UTC(2026, 11, 2, 9))).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
});
