/**
 * What the SQLite store reports from its usage rows: one person's totals, the usage grouped by day, person and
 * model (the admin page and `npm run admin -- usage`), one row, and how many rows there are.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { UsageGroup } from '../../core/usage-report.js';
import type { UsageTotals } from '../../core/usage-summary.js';
import type { UsageRecord } from './store.js';
import { usageGroupOf, usageRecordOf, usageTotalsOf } from './usage-rows.js';

/** One person's totals from `since` (inclusive). */
export function usageTotals(db: DatabaseSync, tokenId: string, since: number): UsageTotals {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(counts_image), 0) AS images, COALESCE(SUM(cached), 0) AS cached,
             COALESCE(SUM(cost_usd), 0) AS usd
           FROM usage WHERE token_id = ? AND created_at >= ?`,
    )
    .get(tokenId, since)!;
  return usageTotalsOf(row);
}

/** Usage from `since`, grouped by UTC day, person and model. */
export function usageGroups(db: DatabaseSync, since: number): UsageGroup[] {
  return db
    .prepare(
      `SELECT day, token_name, model, COUNT(*) AS requests,
             SUM(CASE WHEN outcome = 'ok' AND cached = 0 THEN 1 ELSE 0 END) AS images,
             SUM(cached) AS cached_images,
             SUM(CASE WHEN state = 'done' AND outcome NOT IN ('ok', 'cancelled') THEN 1 ELSE 0 END) AS errors,
             SUM(cost_usd) AS cost_usd, SUM(saved_usd) AS saved_usd,
             SUM(CASE WHEN b.request_id IS NULL THEN 0 ELSE 1 END) AS batch_requests,
             SUM(CASE WHEN b.request_id IS NULL THEN 0 ELSE cost_usd END) AS batch_cost_usd
           FROM usage
             -- A request of a Batch API job has its row in batch_results (proxy/store/migrations.ts, version 5).
             LEFT JOIN (SELECT DISTINCT request_id FROM batch_results) b ON b.request_id = usage.request_id
           WHERE created_at >= ? GROUP BY day, token_name, model ORDER BY day, token_name, model`,
    )
    .all(since)
    .map(usageGroupOf);
}

/** One usage row, or null when there is none for `requestId`. */
export function usageRecord(db: DatabaseSync, requestId: string): UsageRecord | null {
  const row = db.prepare('SELECT * FROM usage WHERE request_id = ?').get(requestId);
  return row ? usageRecordOf(row) : null;
}

/** Number of usage rows from `since`. */
export function countUsage(db: DatabaseSync, since: number): number {
  return Number(db.prepare('SELECT COUNT(*) AS n FROM usage WHERE created_at >= ?').get(since)!.n);
}
