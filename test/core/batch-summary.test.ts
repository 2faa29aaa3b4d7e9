/** What the panel says about a batch over a selection (core/batch-summary.ts), as tables of cases. */
import { describe, expect, it } from 'vitest';
import {
  batchConfirmLine,
  batchProgressLine,
  batchTallyLine,
  describeElapsed,
  failedCalls,
  outcomesAfterRetry,
  usageShortfall,
  type BatchOutcome,
} from '../../core/batch-summary.js';
import { appError } from '../../core/errors.js';
import type { UsageMeResponse } from '../../core/proxy-schema.js';

const made = (costUsd = 0.04): BatchOutcome => ({ ok: true, costUsd });
const blocked: BatchOutcome = { ok: false, error: appError('safety_blocked') };

describe('batchConfirmLine', () => {
  it.each([
    [
      40,
      1,
      2.68,
      1.34,
      'Edit 40 frames · 1 variant each · ≈ $2.68 now (standard) · or ≈ $1.34 at half price, done within hours',
    ],
    [12, 3, 1.5, null, 'Edit 12 frames · 3 variants each · ≈ $1.50 now (standard)'],
    [2, 1, null, null, 'Edit 2 frames · 1 variant each · cost not known'],
  ])('%i frames × %i', (frames, variants, standard, half, line) => {
    expect(batchConfirmLine(frames, variants, standard, half)).toBe(line);
  });
});

describe('progress and tally', () => {
  const outcomes: BatchOutcome[] = [
    ...Array.from({ length: 12 }, () => made()),
    blocked,
    blocked,
    ...Array.from({ length: 26 }, () => null),
  ];
  it('counts done and failed while it runs', () => {
    expect(batchProgressLine(outcomes, 0)).toBe('12 of 40 done · 2 failed');
    expect(batchProgressLine(outcomes, 3)).toBe('12 of 40 done · 2 failed · 3 waiting for the proxy');
    expect(batchProgressLine([null, null], 0)).toBe('0 of 2 done');
  });
  it('ends with the time and the cost of what was made', () => {
    expect(batchTallyLine([made(0.04), blocked, made(0.03)], 72_000)).toBe(
      '2 of 3 done · 1 failed · 1 min 12 s · $0.07 (standard rate)',
    );
    expect(batchTallyLine([made(0.04), made(0.04)], 9_400)).toBe('All 2 done · 9 s · $0.08 (standard rate)');
  });
  it.each([
    [0, '0 s'],
    [44_600, '45 s'],
    [60_000, '1 min'],
    [3_725_000, '62 min 5 s'],
  ])('%i ms reads %s', (ms, words) => expect(describeElapsed(ms)).toBe(words));
});

describe('retry', () => {
  it('runs only the failed calls, and takes their new outcomes', () => {
    const outcomes = [made(), blocked, made(), blocked];
    expect(failedCalls(outcomes)).toEqual([1, 3]);
    const after = outcomesAfterRetry(
      outcomes,
      new Map<number, BatchOutcome>([
        [1, made(0.05)],
        [3, blocked],
      ]),
    );
    expect(after).toEqual([made(), made(0.05), made(), blocked]);
    expect(failedCalls(after)).toEqual([3]);
  });
});

describe('usageShortfall', () => {
  const window = {
    start: '2026-12-01T00:00:00Z',
    resetsAt: '2027-01-01T00:00:00Z',
    images: 0,
    cachedImages: 0,
    costUsd: 0,
  };
  const usage = (remainingImages: number | null, remainingUsd: number | null): UsageMeResponse => ({
    token: { id: 't1', name: 'Ada' },
    now: '2026-12-04T19:00:00Z',
    day: { ...window, limitImages: remainingImages, remainingImages },
    month: { ...window, limitUsd: remainingUsd, remainingUsd },
    requestsPerMinute: null,
  });
  it.each([
    ['nothing known', null, 40, 2, null],
    ['no limits', usage(null, null), 40, 2, null],
    ['fits', usage(50, 20), 40, 2, null],
    ['over the day’s images', usage(30, 20), 40, 2, /makes 40 images and you have 30 left today/],
    ['over the month’s budget', usage(50, 1), 40, 2.68, /about \$2\.68 and \$1\.00 of your budget is left/],
  ])('%s', (_, left, calls, cost, expected) => {
    const said = usageShortfall(left, calls, cost);
    if (expected === null) expect(said).toBeNull();
    else expect(said).toMatch(expected);
  });
});
