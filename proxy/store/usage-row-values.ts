/**
 * What both stores' usage tables bind when they write a row: the values of a reservation and of a final row, in
 * the order of each store's statement. The SQL stays with each store (`sqlite-reservations.ts`, `sqlite-usage.ts`
 * and their `pg-` counterparts: placeholders, locking), so only the dialect differs between them.
 */
import { utcDayKey } from '../../core/usage-periods.js';
import type { ReserveRequest, UsageRecord } from './store.js';

/**
 * The values a reservation binds, in the order of each store's insert: `request_id` to `input_images`, then the
 * estimate as `cost_usd`, then `counts_image` (0 for a cache hit, which makes no image) and the reserving
 * process's `instance` (`state` and `metered` are constants in the statement).
 */
export function reservationValues(r: ReserveRequest, instance: string): (string | number | null)[] {
  return [
    r.requestId,
    r.tokenId,
    r.tokenName,
    r.now,
    utcDayKey(r.now),
    r.model,
    r.imageSize,
    r.aspectRatio,
    r.inputImages,
    r.estimatedCostUsd,
    r.cacheHit ? 0 : 1,
    instance,
  ];
}

/**
 * The values a final row binds, in the order of each store's upsert: the columns up to `cached`, then `outcome`,
 * `counts_image` (an image made, not served from the cache), `latency_ms` and `attempts` (`state = 'done'` and
 * `metered = 0` are constants in the statement).
 */
export function finalRowValues(r: UsageRecord): (string | number | null)[] {
  return [
    r.requestId,
    r.tokenId,
    r.tokenName,
    r.createdAt,
    utcDayKey(r.createdAt),
    r.model,
    r.imageSize,
    r.aspectRatio,
    r.inputImages,
    r.inputTokens,
    r.outputTokens,
    r.costUsd,
    r.savedUsd,
    r.cached ? 1 : 0,
    r.outcome,
    r.outcome === 'ok' && !r.cached ? 1 : 0,
    Math.round(r.latencyMs),
    r.attempts,
  ];
}
