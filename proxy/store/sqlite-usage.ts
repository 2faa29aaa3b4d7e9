/**
 * Usage rows in SQLite, and the limit check. A request reserves its row before it goes upstream: the check of
 * the token's limits against every row counted so far (in-flight reservations included) and the insert of the
 * new row happen in one `BEGIN IMMEDIATE` transaction, so 40 parallel requests on a limit of 10 let exactly 10
 * through, whichever process on the file they arrive at. `pg-usage.ts` keeps the same promise across instances.
 */
import type { DatabaseSync } from 'node:sqlite';
import { MINUTE_MS, utcDayStart, utcMonthStart } from '../../core/usage-periods.js';
import type { UsageGroup } from '../../core/usage-report.js';
import type { UsageTotals } from '../../core/usage-summary.js';
import { firstRefusal, hasLimits } from './limit-check.js';
import { transaction } from './sqlite-db.js';
import type { LimitRefusal, ReserveRequest, ReserveResult, UsageRecord } from './store.js';
import { tokenLimitsOf } from './token-rows.js';
import { finalRowValues, reservationValues, usageGroupOf, usageRecordOf, usageTotalsOf } from './usage-rows.js';

export function createUsageTable(db: DatabaseSync, instance: string) {
  const limitsOf = db.prepare('SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = ?');
  const imagesSince = db.prepare(
    'SELECT COUNT(*) AS n FROM usage WHERE token_id = ? AND created_at >= ? AND counts_image = 1',
  );
  const reservedSince = db.prepare(
    "SELECT COUNT(*) AS n FROM usage WHERE token_id = ? AND created_at >= ? AND counts_image = 1 AND state = 'reserved'",
  );
  const spentSince = db.prepare(
    'SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM usage WHERE token_id = ? AND created_at >= ?',
  );
  const meteredSince = db.prepare(
    'SELECT created_at FROM usage WHERE token_id = ? AND created_at > ? AND metered = 1 ORDER BY created_at',
  );
  const expireToken = db.prepare(
    `UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0
     WHERE token_id = ? AND state = 'reserved' AND created_at < ?`,
  );
  const insertReservation = db.prepare(`
    INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
      input_images, cost_usd, state, counts_image, instance, metered)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, 1)`);
  // A final row: inserted, or settling the reservation of the same request (which keeps its time and `metered`).
  const upsert = db.prepare(`
    INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
      input_images, input_tokens, output_tokens, cost_usd, saved_usd, cached, state, outcome, counts_image, metered,
      latency_ms, attempts)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'done', ?, ?, 0, ?, ?)
    ON CONFLICT (request_id) DO UPDATE SET
      model = excluded.model, image_size = excluded.image_size, aspect_ratio = excluded.aspect_ratio,
      input_images = excluded.input_images, input_tokens = excluded.input_tokens,
      output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd, saved_usd = excluded.saved_usd,
      cached = excluded.cached, state = 'done', outcome = excluded.outcome, counts_image = excluded.counts_image,
      latency_ms = excluded.latency_ms, attempts = excluded.attempts`);

  return {
    reserve(request: ReserveRequest): ReserveResult {
      return transaction(db, () => {
        const refusal = checkLimits(request);
        if (refusal) return { ok: false, refusal };
        insertReservation.run(...reservationValues(request, instance));
        return { ok: true };
      });
    },

    record(r: UsageRecord): void {
      upsert.run(...finalRowValues(r));
    },

    settleGone(isGone: (instance: string) => boolean): number {
      const instances = db
        .prepare("SELECT DISTINCT instance FROM usage WHERE state = 'reserved' AND instance IS NOT NULL")
        .all()
        .map((row) => String(row.instance))
        .filter(isGone);
      const settle = db.prepare(
        "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND instance = ?",
      );
      return instances.reduce((n, gone) => n + Number(settle.run(gone).changes), 0);
    },

    expire(before: number): number {
      const result = db
        .prepare(
          "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND created_at < ?",
        )
        .run(before);
      return Number(result.changes);
    },

    totals(tokenId: string, since: number): UsageTotals {
      const row = db
        .prepare(
          `SELECT COALESCE(SUM(counts_image), 0) AS images, COALESCE(SUM(cached), 0) AS cached,
             COALESCE(SUM(cost_usd), 0) AS usd
           FROM usage WHERE token_id = ? AND created_at >= ?`,
        )
        .get(tokenId, since)!;
      return usageTotalsOf(row);
    },

    groups(since: number): UsageGroup[] {
      return db
        .prepare(
          `SELECT day, token_name, model, COUNT(*) AS requests,
             SUM(CASE WHEN outcome = 'ok' AND cached = 0 THEN 1 ELSE 0 END) AS images,
             SUM(cached) AS cached_images,
             SUM(CASE WHEN state = 'done' AND outcome NOT IN ('ok', 'cancelled') THEN 1 ELSE 0 END) AS errors,
             SUM(cost_usd) AS cost_usd, SUM(saved_usd) AS saved_usd
           FROM usage WHERE created_at >= ? GROUP BY day, token_name, model ORDER BY day, token_name, model`,
        )
        .all(since)
        .map(usageGroupOf);
    },

    get(requestId: string): UsageRecord | null {
      const row = db.prepare('SELECT * FROM usage WHERE request_id = ?').get(requestId);
      return row ? usageRecordOf(row) : null;
    },

    count(since: number): number {
      return Number(db.prepare('SELECT COUNT(*) AS n FROM usage WHERE created_at >= ?').get(since)!.n);
    },
  };

  /** The first limit this request would break, counting only what is limited. */
  function checkLimits(request: ReserveRequest): LimitRefusal | null {
    const row = limitsOf.get(request.tokenId);
    if (!row) return null;
    const limits = tokenLimitsOf(row);
    if (!hasLimits(limits)) return null;
    const { now, tokenId } = request;
    if (request.staleBefore !== undefined) expireToken.run(tokenId, request.staleBefore);
    return firstRefusal(limits, request, {
      images: () => Number(imagesSince.get(tokenId, utcDayStart(now))!.n),
      reservedImages: () => Number(reservedSince.get(tokenId, utcDayStart(now))!.n),
      spentUsd: () => Number(spentSince.get(tokenId, utcMonthStart(now))!.usd),
      meteredTimes: () => meteredSince.all(tokenId, now - MINUTE_MS).map((r) => Number(r.created_at)),
    });
  }
}
