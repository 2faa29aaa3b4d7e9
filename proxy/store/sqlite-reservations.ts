/**
 * Reserving a request's usage row in SQLite, under its token's limits. A request reserves its row before it goes
 * upstream: the check of the token's limits against every row counted so far (in-flight reservations included) and
 * the insert of the new row happen in one `BEGIN IMMEDIATE` transaction, so 40 parallel requests on a limit of 10
 * let exactly 10 through, whichever process on the file they arrive at. `pg-reservations.ts` keeps the same
 * promise across instances.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { MINUTE_MS, utcDayStart, utcMonthStart } from '../../core/usage-periods.js';
import { firstRefusal, hasLimits } from './limit-check.js';
import { transaction } from './sqlite-db.js';
import type { LimitRefusal, ReserveRequest, ReserveResult } from './store.js';
import { tokenLimitsOf } from './token-rows.js';
import { reservationValues } from './usage-row-values.js';

/** The database, and the statements a reservation runs, prepared once per store. */
export interface ReserveStatements {
  db: DatabaseSync;
  limitsOf: StatementSync;
  imagesSince: StatementSync;
  reservedSince: StatementSync;
  spentSince: StatementSync;
  meteredSince: StatementSync;
  expireToken: StatementSync;
  insertReservation: StatementSync;
}

export function prepareReserveStatements(db: DatabaseSync): ReserveStatements {
  return {
    db,
    limitsOf: db.prepare('SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = ?'),
    imagesSince: db.prepare(
      'SELECT COUNT(*) AS n FROM usage WHERE token_id = ? AND created_at >= ? AND counts_image = 1',
    ),
    reservedSince: db.prepare(
      "SELECT COUNT(*) AS n FROM usage WHERE token_id = ? AND created_at >= ? AND counts_image = 1 AND state = 'reserved'",
    ),
    spentSince: db.prepare(
      'SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM usage WHERE token_id = ? AND created_at >= ?',
    ),
    meteredSince: db.prepare(
      'SELECT created_at FROM usage WHERE token_id = ? AND created_at > ? AND metered = 1 ORDER BY created_at',
    ),
    expireToken: db.prepare(
      `UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0
     WHERE token_id = ? AND state = 'reserved' AND created_at < ?`,
    ),
    insertReservation: db.prepare(`
    INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
      input_images, cost_usd, state, counts_image, instance, metered)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, 1)`),
  };
}

/** Inserts `request`'s row as a reservation held by `instance` when every limit allows it. */
export function reserveUsage(s: ReserveStatements, instance: string, request: ReserveRequest): ReserveResult {
  return transaction(s.db, () => {
    const refusal = checkLimits(s, request);
    if (refusal) return { ok: false, refusal };
    s.insertReservation.run(...reservationValues(request, instance));
    return { ok: true };
  });
}

/**
 * The first limit this request would break, counting only what is limited. `countsRate` false skips the per-minute
 * limit: a batch job's requests after its first go to Google as one call (`sqlite-batches.ts`).
 */
export function checkLimits(s: ReserveStatements, request: ReserveRequest, countsRate = true): LimitRefusal | null {
  const row = s.limitsOf.get(request.tokenId);
  if (!row) return null;
  const limits = countsRate ? tokenLimitsOf(row) : { ...tokenLimitsOf(row), rpm: null };
  if (!hasLimits(limits)) return null;
  const { now, tokenId } = request;
  if (request.staleBefore !== undefined) s.expireToken.run(tokenId, request.staleBefore);
  return firstRefusal(limits, request, {
    images: () => Number(s.imagesSince.get(tokenId, utcDayStart(now))!.n),
    reservedImages: () => Number(s.reservedSince.get(tokenId, utcDayStart(now))!.n),
    spentUsd: () => Number(s.spentSince.get(tokenId, utcMonthStart(now))!.usd),
    meteredTimes: () => s.meteredSince.all(tokenId, now - MINUTE_MS).map((r) => Number(r.created_at)),
  });
}
