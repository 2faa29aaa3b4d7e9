/**
 * Reserving a request's usage row in PostgreSQL, and the limit check across instances. A reservation locks the
 * person's token row (`SELECT … FOR UPDATE`) for the length of its transaction: every reservation for that person,
 * on any instance, waits its turn, and each one counts (in READ COMMITTED, every statement sees what was committed
 * before it started, the previous holder's row included) before it inserts its own. So two proxies on one database
 * never let a person past a limit by even one image. Tokens with no limits skip the lock: there is nothing to race
 * for.
 */
import type { Pool, PoolClient } from 'pg';
import { DatabaseError } from 'pg';
import { MINUTE_MS, utcDayStart, utcMonthStart } from '../../core/usage-periods.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { firstRefusal, hasLimits, type CountedUsage } from './limit-check.js';
import { transaction, type Query } from './pg-db.js';
import type { Row } from './row.js';
import type { ReserveRequest, ReserveResult } from './store.js';
import { tokenLimitsOf } from './token-rows.js';
import { reservationValues } from './usage-row-values.js';

const INSERT_RESERVATION = `
  INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
    input_images, cost_usd, state, counts_image, instance, metered)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'reserved', $11, $12, 1)`;

/**
 * Inserts `request`'s row as a reservation held by `instance` when every limit allows it. Safe to retry
 * (`retried`): when a connection died after COMMIT was sent, the retry finds its own row (same request id, primary
 * key) and knows the first try went through.
 */
export async function reserveUsageAsync(
  pool: Pool,
  query: Query,
  instance: string,
  request: ReserveRequest,
  retried: boolean,
): Promise<ReserveResult> {
  try {
    return await reserveOnceAsync(pool, query, instance, request);
  } catch (error) {
    if (retried && error instanceof DatabaseError && error.code === '23505') {
      const [row] = await query<Row>('SELECT token_id FROM usage WHERE request_id = $1', [request.requestId]);
      if (row && row.token_id === request.tokenId) return { ok: true };
    }
    throw error;
  }
}

async function reserveOnceAsync(
  pool: Pool,
  query: Query,
  instance: string,
  request: ReserveRequest,
): Promise<ReserveResult> {
  const [peek] = await query<Row>('SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = $1', [request.tokenId]);
  if (!peek || !hasLimits(tokenLimitsOf(peek))) {
    await pool.query(INSERT_RESERVATION, reservationValues(request, instance));
    return { ok: true };
  }
  return transaction(pool, async (client) => {
    // The lock that makes check-then-insert atomic across instances; re-read the limits under it.
    const locked = await client.query<Row>(
      'SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = $1 FOR UPDATE',
      [request.tokenId],
    );
    const limits = tokenLimitsOf(locked.rows[0] ?? { daily_images: null, monthly_usd: null, rpm: null });
    if (request.staleBefore !== undefined) {
      await client.query(
        `UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0
           WHERE token_id = $1 AND state = 'reserved' AND created_at < $2`,
        [request.tokenId, request.staleBefore],
      );
    }
    const refusal = firstRefusal(limits, request, await countUsageUnderLockAsync(client, request, limits));
    if (refusal) return { ok: false, refusal };
    await client.query(INSERT_RESERVATION, reservationValues(request, instance));
    return { ok: true };
  });
}

/**
 * What the token used today and this month (one statement, PostgreSQL's `FILTER`), and the times of its metered
 * requests in the last minute when it has a rate limit, counted under the token row's lock.
 */
export async function countUsageUnderLockAsync(
  client: PoolClient,
  request: ReserveRequest,
  limits: TokenLimits,
): Promise<CountedUsage> {
  const { tokenId, now } = request;
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
  return {
    images: () => Number(totals.images),
    reservedImages: () => Number(totals.reserved),
    spentUsd: () => Number(totals.usd),
    meteredTimes: () => metered,
  };
}
