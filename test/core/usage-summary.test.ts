import { describe, expect, it } from 'vitest';
import { usageMeResponseSchema } from '../../core/proxy-schema.js';
import { NO_LIMITS, usageSummary } from '../../core/usage-summary.js';

const now = Date.parse('2026-11-18T12:00:00Z');
const token = { id: 'tok_1', name: 'Ana' };

describe('usageSummary', () => {
  it('gives today and this month with what remains and when each resets', () => {
    const body = usageSummary({
      token,
      limits: { dailyImages: 50, monthlyUsd: 20, rpm: 10 },
      day: { images: 12, cachedImages: 3, costUsd: 0.804 },
      month: { images: 80, cachedImages: 9, costUsd: 5.3612345 },
      now,
    });
    expect(usageMeResponseSchema.parse(body)).toEqual(body);
    expect(body).toEqual({
      token,
      now: '2026-11-18T12:00:00.000Z',
      day: {
        start: '2026-11-18T00:00:00.000Z',
        resetsAt: '2026-11-19T00:00:00.000Z',
        images: 12,
        cachedImages: 3,
        costUsd: 0.804,
        limitImages: 50,
        remainingImages: 38,
      },
      month: {
        start: '2026-11-01T00:00:00.000Z',
        resetsAt: '2026-12-01T00:00:00.000Z',
        images: 80,
        cachedImages: 9,
        costUsd: 5.361235,
        limitUsd: 20,
        remainingUsd: 14.638765,
      },
      requestsPerMinute: 10,
    });
  });

  it.each([
    ['no limits', NO_LIMITS, 5, 1, null, null],
    ['a used-up day', { dailyImages: 5, monthlyUsd: null, rpm: null }, 7, 1, 0, null],
    ['an overspent month', { dailyImages: null, monthlyUsd: 1, rpm: null }, 1, 1.2, null, 0],
  ] as const)('with %s', (_name, limits, images, usd, remainingImages, remainingUsd) => {
    const body = usageSummary({
      token,
      limits,
      day: { images, cachedImages: 0, costUsd: usd },
      month: { images, cachedImages: 0, costUsd: usd },
      now,
    });
    expect(body.day.remainingImages).toBe(remainingImages);
    expect(body.month.remainingUsd).toBe(remainingUsd);
  });
});
