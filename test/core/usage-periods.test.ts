import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  describeReset,
  utcDayKey,
  utcDayStart,
  utcMonthStart,
  utcNextDayStart,
  utcNextMonthStart,
} from '../../core/usage-periods.js';

const at = (iso: string): number => Date.parse(iso);

describe('UTC windows', () => {
  it.each([
    [
      '2026-11-18T12:34:56Z',
      '2026-11-18T00:00:00Z',
      '2026-11-19T00:00:00Z',
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    ],
    [
      '2026-11-30T23:59:59.999Z',
      '2026-11-30T00:00:00Z',
      '2026-12-01T00:00:00Z',
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    ],
    [
      '2026-12-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
      '2026-12-02T00:00:00Z',
      '2026-12-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    ],
    [
      '2026-12-31T18:00:00Z',
      '2026-12-31T00:00:00Z',
      '2027-01-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    ],
    [
      '2028-02-29T10:00:00Z',
      '2028-02-29T00:00:00Z',
      '2028-03-01T00:00:00Z',
      '2028-02-01T00:00:00Z',
      '2028-03-01T00:00:00Z',
    ],
  ])('%s: day %s → %s, month %s → %s', (now, day, nextDay, month, nextMonth) => {
    const t = at(now);
    expect(new Date(utcDayStart(t)).toISOString()).toBe(new Date(day).toISOString());
    expect(new Date(utcNextDayStart(t)).toISOString()).toBe(new Date(nextDay).toISOString());
    expect(new Date(utcMonthStart(t)).toISOString()).toBe(new Date(month).toISOString());
    expect(new Date(utcNextMonthStart(t)).toISOString()).toBe(new Date(nextMonth).toISOString());
    expect(utcDayKey(t)).toBe(day.slice(0, 10));
  });
});

describe('describeDuration', () => {
  it.each([
    [0, '1 s'],
    [23_000, '23 s'],
    [59_400, '1 min'],
    [60_000, '1 min'],
    [45 * 60_000, '45 min'],
    [(3 * 60 + 11) * 60_000 + 30_000, '3 h 12 min'],
    [3 * 3_600_000, '3 h'],
    [47 * 3_600_000, '47 h'],
    [12 * 86_400_000 + 3_600_000, '12 days'],
  ])('%i ms → %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});

describe('describeReset', () => {
  it.each([
    ['2026-11-18T20:48:00Z', '2026-11-19T00:00:00Z', 'at 00:00 UTC (in 3 h 12 min)'],
    ['2026-11-18T23:59:30Z', '2026-11-19T00:00:00Z', 'at 00:00 UTC (in 30 s)'],
    ['2026-11-18T12:00:00Z', '2026-12-01T00:00:00Z', 'on 1 December at 00:00 UTC (in 13 days)'],
    ['2026-11-30T20:00:00Z', '2026-12-01T00:00:00Z', 'at 00:00 UTC (in 4 h)'],
    ['2026-11-18T12:00:00Z', '2026-11-18T12:00:40Z', 'at 12:00 UTC (in 40 s)'],
  ])('from %s to %s → %s', (now, reset, text) => {
    expect(describeReset(at(now), at(reset))).toBe(text);
  });
});
