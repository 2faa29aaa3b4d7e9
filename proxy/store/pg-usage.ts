/**
 * Usage rows in PostgreSQL: one per request, reserved before it goes upstream (`pg-reservations.ts`) and settled
 * here, by the request's final record or, when the proxy that reserved it stopped, as `interrupted`. The reports
 * read them in `pg-usage-report.ts`.
 */
import type { Pool } from 'pg';
import type { Query } from './pg-db.js';
import { reserveUsageAsync } from './pg-reservations.js';
import { countUsageAsync, usageGroupsAsync, usageRecordAsync, usageTotalsAsync } from './pg-usage-report.js';
import type { Row } from './row.js';
import type { ReserveRequest, UsageRecord } from './store.js';
import { finalRowValues } from './usage-row-values.js';

/** A final row: inserted, or settling the reservation of the same request (which keeps its time and `metered`). */
export const UPSERT_FINAL = `
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

/** The usage table of one PostgreSQL database: the operations `pg-store.ts` serves the store's usage methods with. */
export function createPgUsageTable(pool: Pool, query: Query, instance: string) {
  return {
    reserve: (request: ReserveRequest, retried: boolean) => reserveUsageAsync(pool, query, instance, request, retried),
    record: (r: UsageRecord) => recordUsageAsync(query, r),
    settleGone: (isGone: (instance: string) => boolean) => settleGoneInstancesAsync(pool, query, isGone),
    expire: (before: number) => expireReservationsAsync(pool, before),
    totals: (tokenId: string, since: number) => usageTotalsAsync(query, tokenId, since),
    groups: (since: number) => usageGroupsAsync(query, since),
    get: (requestId: string) => usageRecordAsync(query, requestId),
    count: (since: number) => countUsageAsync(query, since),
  };
}

async function recordUsageAsync(query: Query, r: UsageRecord): Promise<void> {
  await query(UPSERT_FINAL, finalRowValues(r));
}

/** Settles as `interrupted` the reservations of every process `isGone` says no longer runs; returns how many. */
async function settleGoneInstancesAsync(
  pool: Pool,
  query: Query,
  isGone: (instance: string) => boolean,
): Promise<number> {
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
}

/** Settles as `interrupted` every reservation made before `before`; returns how many. */
async function expireReservationsAsync(pool: Pool, before: number): Promise<number> {
  const result = await pool.query(
    "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND created_at < $1",
    [before],
  );
  return result.rowCount ?? 0;
}
