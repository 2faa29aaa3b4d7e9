/**
 * What both stores' usage tables share: the values their reservation and final-row statements bind, in order, and
 * how a row read back becomes a record, a group or totals. The SQL stays with each store (`sqlite-reservations.ts`,
 * `sqlite-usage.ts`, `sqlite-usage-report.ts` and their `pg-` counterparts: placeholders, locking, PostgreSQL's
 * `FILTER`), so only the dialect differs between them.
 */
import { roundUsd } from '../../core/models.js';
import { utcDayKey } from '../../core/usage-periods.js';
import type { UsageGroup } from '../../core/usage-report.js';
import type { UsageTotals } from '../../core/usage-summary.js';
import type { Row } from './row.js';
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

/** A whole `usage` row (`SELECT *`) as a record; a reservation not yet settled has the outcome `reserved`. */
export function usageRecordOf(row: Row): UsageRecord {
  return {
    requestId: String(row.request_id),
    tokenId: String(row.token_id),
    tokenName: String(row.token_name),
    createdAt: Number(row.created_at),
    model: row.model === null ? null : String(row.model),
    imageSize: row.image_size === null ? null : String(row.image_size),
    aspectRatio: row.aspect_ratio === null ? null : String(row.aspect_ratio),
    inputImages: Number(row.input_images),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    costUsd: Number(row.cost_usd),
    savedUsd: Number(row.saved_usd),
    cached: Number(row.cached) === 1,
    outcome: row.outcome === null ? 'reserved' : String(row.outcome),
    latencyMs: Number(row.latency_ms),
    attempts: Number(row.attempts),
  };
}

/** One row of the grouped usage query (`day, token_name, model` and its sums) as a report group. */
export function usageGroupOf(row: Row): UsageGroup {
  return {
    day: String(row.day),
    tokenName: String(row.token_name),
    model: row.model === null ? null : String(row.model),
    requests: Number(row.requests),
    images: Number(row.images),
    cachedImages: Number(row.cached_images),
    errors: Number(row.errors),
    costUsd: roundUsd(Number(row.cost_usd)),
    savedUsd: roundUsd(Number(row.saved_usd)),
  };
}

/** The totals query's one row (`images, cached, usd`). */
export function usageTotalsOf(row: Row): UsageTotals {
  return { images: Number(row.images), cachedImages: Number(row.cached), costUsd: roundUsd(Number(row.usd)) };
}
