/**
 * What both stores' usage tables share when they read rows back: how a row becomes a record, a group of the report
 * or one person's totals. What they bind when they write is in `usage-row-values.ts`; the SQL stays with each
 * store (`sqlite-usage-report.ts`, `pg-usage-report.ts`), so only the dialect differs between them.
 */
import { roundUsd } from '../../core/models.js';
import type { UsageGroup } from '../../core/usage-report.js';
import type { UsageTotals } from '../../core/usage-summary.js';
import type { Row } from './row.js';
import type { UsageRecord } from './store.js';

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
    batchRequests: Number(row.batch_requests ?? 0),
    batchCostUsd: roundUsd(Number(row.batch_cost_usd ?? 0)),
  };
}

/** The totals query's one row (`images, cached, usd`). */
export function usageTotalsOf(row: Row): UsageTotals {
  return { images: Number(row.images), cachedImages: Number(row.cached), costUsd: roundUsd(Number(row.usd)) };
}
