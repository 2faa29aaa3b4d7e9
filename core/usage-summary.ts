/**
 * A designer's own usage as `GET /v1/usage/me` answers it: today and this month, with limits, what remains and
 * when each resets. Pure: the proxy hands in the totals its store counted and the time from its clock.
 */
import { roundUsd } from './models.js';
import type { UsageMeResponse } from './proxy-schema.js';
import { utcDayStart, utcMonthStart, utcNextDayStart, utcNextMonthStart } from './usage-periods.js';

/** Per-person limits; null means "no limit". */
export interface TokenLimits {
  dailyImages: number | null;
  monthlyUsd: number | null;
  rpm: number | null;
}

/** No limits at all (the dev token, and a new token created without any). */
export const NO_LIMITS: TokenLimits = { dailyImages: null, monthlyUsd: null, rpm: null };

/** What a store counts for one person over one window. */
export interface UsageTotals {
  /** Images made or in flight (counted against the daily limit). */
  images: number;
  /** Images answered from the cache (free, not counted). */
  cachedImages: number;
  /** US dollars spent, including what in-flight requests have reserved. */
  costUsd: number;
}

export interface UsageSummaryInput {
  token: { id: string; name: string };
  limits: TokenLimits;
  day: UsageTotals;
  month: UsageTotals;
  now: number;
}

/** Builds the `/v1/usage/me` body. */
export function usageSummary(input: UsageSummaryInput): UsageMeResponse {
  const { limits, day, month, now } = input;
  const iso = (ms: number): string => new Date(ms).toISOString();
  // Remaining is computed from the rounded cost, so that cost + remaining is exactly the limit on screen.
  const monthUsd = roundUsd(month.costUsd);
  return {
    token: input.token,
    now: iso(now),
    day: {
      start: iso(utcDayStart(now)),
      resetsAt: iso(utcNextDayStart(now)),
      images: day.images,
      cachedImages: day.cachedImages,
      costUsd: roundUsd(day.costUsd),
      limitImages: limits.dailyImages,
      remainingImages: limits.dailyImages === null ? null : Math.max(0, limits.dailyImages - day.images),
    },
    month: {
      start: iso(utcMonthStart(now)),
      resetsAt: iso(utcNextMonthStart(now)),
      images: month.images,
      cachedImages: month.cachedImages,
      costUsd: monthUsd,
      limitUsd: limits.monthlyUsd,
      remainingUsd: limits.monthlyUsd === null ? null : roundUsd(Math.max(0, limits.monthlyUsd - monthUsd)),
    },
    requestsPerMinute: limits.rpm,
  };
}
