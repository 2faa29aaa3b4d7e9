/**
 * Usage rows in PostgreSQL, and the limit check across instances. A reservation locks the person's token row
 * (`SELECT … FOR UPDATE`) for the length of its transaction: every reservation for that person, on any instance,
 * waits its turn, and each one counts (in READ COMMITTED, every statement sees what was committed before it
 * started, the previous holder's row included) before it inserts its own. So two proxies on one database never
 * let a person past a limit by even one image. Tokens with no limits skip the lock: there is nothing to race for.
 */
import type { Pool, PoolClient } from 'pg';
import { DatabaseError } from 'pg';
import { MINUTE_MS, utcDayStart, utcMonthStart } from '../../core/usage-periods.js';
import type { UsageGroup } from '../../core/usage-report.js';
import type { UsageTotals } from '../../core/usage-summary.js';
import { firstRefusal, hasLimits } from './limit-check.js';
import { transaction, type Query } from './pg-db.js';
import type { Row } from './row.js';
import type { ReserveRequest, ReserveResult, UsageRecord } from './store.js';
import { tokenLimitsOf } from './token-rows.js';
import { finalRowValues, reservationValues, usageGroupOf, usageRecordOf, usageTotalsOf } from './usage-rows.js';

const INSERT_RESERVATION = `
  INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
    input_images, cost_usd, state, counts_image, instance, metered)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'reserved', $11, $12, 1)`;

/** A final row: inserted, or settling the reservation of the same request (which keeps its time and `metered`). */
const UPSERT_FINAL = `
  INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
    input_images, input_tokens, output_tokens, cost_usd, saved_usd, cached, state, outcome, counts_image, metered,
    latency_ms, attempts)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'done', $15, $16, 0, $17, $18)
  ON CONFLICT (request_id) DO UPDATE SET
    model = excluded.model, image_size = excluded.image_size, aspect_ratio = excluded.aspect_ratio,
    input_images = excluded.input_images, input_tokens = excluded.input_tokens,
    output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd, saved_usd = excluded.saved_usd,
    cached = excluded.cached, state = 'done', outcome = excluded.outcome, counts_image = excluded.counts_image,
    latency_ms = excluded.latency_ms, attempts = excluded.attempts`;

export function createPgUsageTable(pool: Pool, query: Query, instance: string) {
  const insertReservation = (db: Pool | PoolClient, r: ReserveRequest) =>
    db.query(INSERT_RESERVATION, reservationValues(r, instance));

  const reserveOnce = async (request: ReserveRequest): Promise<ReserveResult> => {
    const [peek] = await query<Row>('SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = $1', [
      request.tokenId,
    ]);
    if (!peek || !hasLimits(tokenLimitsOf(peek))) {
      await insertReservation(pool, request);
      return { ok: true };
    }
    return transaction(pool, async (client) => {
      // The lock that makes check-then-insert atomic across instances; re-read the limits under it.
      const locked = await client.query<Row>(
        'SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = $1 FOR UPDATE',
        [request.tokenId],
      );
      const limits = tokenLimitsOf(locked.rows[0] ?? { daily_images: null, monthly_usd: null, rpm: null });
      const { tokenId, now } = request;
      if (request.staleBefore !== undefined) {
        await client.query(
          `UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0
           WHERE token_id = $1 AND state = 'reserved' AND created_at < $2`,
          [tokenId, request.staleBefore],
        );
      }
      const dayStart = utcDayStart(now);
      const monthStart = utcMonthStart(now);
      const totals = (
        await client.query<Row>(
          `SELECT COUNT(*) FILTER (WHERE created_at >= $2 AND counts_image = 1) AS images,
             COUNT(*) FILTER (WHERE created_at >= $2 AND counts_image = 1 AND state = 'reserved') AS reserved,
             COALESCE(SUM(cost_usd) FILTER (WHERE created_at >= $3), 0) AS usd
           FROM usage WHERE token_id = $1 AND created_at >= LEAST($2::bigint, $3::bigint)`,
          [tokenId, dayStart, monthStart],
        )
      ).rows[0]!;
      const metered =
        limits.rpm === null
          ? []
          : (
              await client.query<Row>(
                'SELECT created_at FROM usage WHERE token_id = $1 AND created_at > $2 AND metered = 1 ORDER BY created_at',
                [tokenId, now - MINUTE_MS],
              )
            ).rows.map((r) => Number(r.created_at));
      const refusal = firstRefusal(limits, request, {
        images: () => Number(totals.images),
        reservedImages: () => Number(totals.reserved),
        spentUsd: () => Number(totals.usd),
        meteredTimes: () => metered,
      });
      if (refusal) return { ok: false, refusal };
      await insertReservation(client, request);
      return { ok: true };
    });
  };

  return {
    /**
     * Safe to retry: when a connection died after COMMIT was sent, the retry finds its own row (same request id,
     * primary key) and knows the first try went through.
     */
    async reserve(request: ReserveRequest, retried: boolean): Promise<ReserveResult> {
      try {
        return await reserveOnce(request);
      } catch (error) {
        if (retried && error instanceof DatabaseError && error.code === '23505') {
          const [row] = await query<Row>('SELECT token_id FROM usage WHERE request_id = $1', [request.requestId]);
          if (row && row.token_id === request.tokenId) return { ok: true };
        }
        throw error;
      }
    },

    async record(r: UsageRecord): Promise<void> {
      await query(UPSERT_FINAL, finalRowValues(r));
    },

    async settleGone(isGone: (instance: string) => boolean): Promise<number> {
      const rows = await query<Row>(
        "SELECT DISTINCT instance FROM usage WHERE state = 'reserved' AND instance IS NOT NULL",
      );
      let settled = 0;
      for (const gone of rows.map((row) => String(row.instance)).filter(isGone)) {
        const result = await pool.query(
          "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND instance = $1",
          [gone],
        );
        settled += result.rowCount ?? 0;
      }
      return settled;
    },

    async expire(before: number): Promise<number> {
      const result = await pool.query(
        "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND created_at < $1",
        [before],
      );
      return result.rowCount ?? 0;
    },

    async totals(tokenId: string, since: number): Promise<UsageTotals> {
      const [row] = await query<Row>(
        `SELECT COALESCE(SUM(counts_image), 0) AS images, COALESCE(SUM(cached), 0) AS cached,
           COALESCE(SUM(cost_usd), 0) AS usd
         FROM usage WHERE token_id = $1 AND created_at >= $2`,
        [tokenId, since],
      );
      return usageTotalsOf(row!);
    },

    async groups(since: number): Promise<UsageGroup[]> {
      const rows = await query<Row>(
        `SELECT day, token_name, model, COUNT(*) AS requests,
           SUM(CASE WHEN outcome = 'ok' AND cached = 0 THEN 1 ELSE 0 END) AS images,
           SUM(cached) AS cached_images,
           SUM(CASE WHEN state = 'done' AND outcome NOT IN ('ok', 'cancelled') THEN 1 ELSE 0 END) AS errors,
           SUM(cost_usd) AS cost_usd, SUM(saved_usd) AS saved_usd
         FROM usage WHERE created_at >= $1 GROUP BY day, token_name, model ORDER BY day, token_name, model`,
        [since],
      );
      return rows.map(usageGroupOf);
    },

    async get(requestId: string): Promise<UsageRecord | null> {
      const [row] = await query<Row>('SELECT * FROM usage WHERE request_id = $1', [requestId]);
      return row ? usageRecordOf(row) : null;
    },

    async count(since: number): Promise<number> {
      const [row] = await query<Row>('SELECT COUNT(*) AS n FROM usage WHERE created_at >= $1', [since]);
      return Number(row!.n);
    },
  };
}
