/**
 * The limit check both stores run inside their transaction, as a pure function of the token's limits and the
 * usage the store counted under its lock. Checked in the order a person thinks of them: day, month, minute.
 */
import { roundUsd } from '../../core/models.js';
import { MINUTE_MS, utcNextDayStart, utcNextMonthStart } from '../../core/usage-periods.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import type { LimitRefusal, ReserveRequest } from './store.js';

/** Slack for comparing sums of dollars that went through floating point. */
const USD_EPSILON = 1e-9;

/** What a store counted for one token; a field is only read when its limit is set. */
export interface CountedUsage {
  /** Images today (UTC), in-flight reservations included. */
  images: () => number;
  /** Of those, the reservations still in flight (a request running, or one a stopped proxy left). */
  reservedImages: () => number;
  /** Dollars this month (UTC), reservations' estimates included. */
  spentUsd: () => number;
  /** Times of the requests that went upstream in the last minute, oldest first. */
  meteredTimes: () => number[];
}

/** True when the token has at least one limit, i.e. when a reservation has anything to check. */
export function hasLimits(limits: TokenLimits): boolean {
  return limits.dailyImages !== null || limits.monthlyUsd !== null || limits.rpm !== null;
}

/** The first limit this request would break, or null when every limit allows it. */
export function firstRefusal(limits: TokenLimits, request: ReserveRequest, usage: CountedUsage): LimitRefusal | null {
  const { now } = request;
  const rateOnly = request.cacheHit?.rateOnly ?? false;
  if (limits.dailyImages !== null && !rateOnly) {
    const allowed = limits.dailyImages;
    const used = usage.images();
    if (used >= allowed) {
      const inFlight = usage.reservedImages();
      return { limit: 'daily_images', allowed, used, requested: 1, inFlight, retryAt: utcNextDayStart(now) };
    }
  }
  if (limits.monthlyUsd !== null && !rateOnly) {
    const allowed = limits.monthlyUsd;
    const used = roundUsd(usage.spentUsd());
    if (used + request.estimatedCostUsd > allowed + USD_EPSILON) {
      return {
        limit: 'monthly_usd',
        allowed,
        used,
        requested: request.estimatedCostUsd,
        retryAt: utcNextMonthStart(now),
      };
    }
  }
  if (limits.rpm !== null) {
    const allowed = limits.rpm;
    const times = usage.meteredTimes();
    if (times.length >= allowed) {
      // The window frees a slot when the request that makes it one too many drops out of the last minute.
      const freesAt = times[times.length - allowed]! + MINUTE_MS;
      return { limit: 'rpm', allowed, used: times.length, requested: 1, retryAt: freesAt };
    }
  }
  return null;
}
