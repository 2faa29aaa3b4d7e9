/**
 * Usage rows in SQLite: one per request, reserved before it goes upstream (`sqlite-reservations.ts`) and settled
 * here, by the request's final record or, when the proxy that reserved it stopped, as `interrupted`. The reports
 * read them in `sqlite-usage-report.ts`.
 */
import type { DatabaseSync } from 'node:sqlite';
import { prepareReserveStatements, reserveUsage } from './sqlite-reservations.js';
import { countUsage, usageGroups, usageRecord, usageTotals } from './sqlite-usage-report.js';
import type { ReserveRequest, UsageRecord } from './store.js';
import { finalRowValues } from './usage-row-values.js';

/** The usage table of one SQLite database: the operations `sqlite-store.ts` serves the store's usage methods with. */
export function createUsageTable(db: DatabaseSync, instance: string) {
  const reservations = prepareReserveStatements(db);
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
    reserve: (request: ReserveRequest) => reserveUsage(reservations, instance, request),
    record: (r: UsageRecord): void => {
      upsert.run(...finalRowValues(r));
    },
    settleGone: (isGone: (instance: string) => boolean) => settleGoneInstances(db, isGone),
    expire: (before: number) => expireReservations(db, before),
    totals: (tokenId: string, since: number) => usageTotals(db, tokenId, since),
    groups: (since: number) => usageGroups(db, since),
    get: (requestId: string) => usageRecord(db, requestId),
    count: (since: number) => countUsage(db, since),
  };
}

/** Settles as `interrupted` the reservations of every process `isGone` says no longer runs; returns how many. */
function settleGoneInstances(db: DatabaseSync, isGone: (instance: string) => boolean): number {
  const instances = db
    .prepare("SELECT DISTINCT instance FROM usage WHERE state = 'reserved' AND instance IS NOT NULL")
    .all()
    .map((row) => String(row.instance))
    .filter(isGone);
  const settle = db.prepare(
    "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND instance = ?",
  );
  return instances.reduce((n, gone) => n + Number(settle.run(gone).changes), 0);
}

/** Settles as `interrupted` every reservation made before `before`; returns how many. */
function expireReservations(db: DatabaseSync, before: number): number {
  const result = db
    .prepare(
      "UPDATE usage SET state = 'done', outcome = 'interrupted', counts_image = 0 WHERE state = 'reserved' AND created_at < ?",
    )
    .run(before);
  return Number(result.changes);
}
