/**
 * Batch API jobs in SQLite (docs/proxy-api.md#batches): the job and its requests' reservations are written in one
 * `BEGIN IMMEDIATE` transaction, all or none, under the same limit check as a single request
 * (`sqlite-reservations.ts`); a job ends in one transaction too, its results stored and its usage rows settled.
 * Reservations of a batch are usage rows in state `batch` with no instance: they wait for hours at Google, so
 * neither the reservation timeout nor a restart settles them.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  batchJobOf,
  batchResultOf,
  finishedCounts,
  resultValues,
  type BatchJobRecord,
  type BatchJobState,
  type BatchResultRecord,
  type FinishedBatchJob,
  type NewBatchJob,
  STALE_SUBMISSION_MS,
} from './batch-rows.js';
import { transaction } from './sqlite-db.js';
import { checkLimits, prepareReserveStatements } from './sqlite-reservations.js';
import type { LimitRefusal, ReserveResult, UsageRecord } from './store.js';
import { reservationValues } from './usage-row-values.js';

const SET_RESULT = `
  UPDATE batch_results SET state = ?, mime_type = ?, width = ?, height = ?, bytes = ?, error_code = ?,
    error_message = ? WHERE job_id = ? AND idx = ?`;

/** A refusal carried out of the transaction, so it rolls back everything this job reserved. */
class Refused extends Error {
  constructor(readonly refusal: LimitRefusal) {
    super('refused');
  }
}

/** The batch tables of one SQLite database; `settle` writes a final usage row (`sqlite-usage.ts`). */
export function createBatchTable(db: DatabaseSync, settle: (record: UsageRecord) => void) {
  const reserve = prepareReserveStatements(db);
  const insertReservation = db.prepare(`
    INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
      input_images, cost_usd, state, counts_image, instance, metered)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'batch', ?, ?, ?)`);
  const insertJob = db.prepare(`
    INSERT INTO batch_jobs (id, token_id, token_name, file_key, model, image_size, request_count, state, cost_usd,
      created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'submitting', ?, ?, ?)`);
  const insertResult = db.prepare(
    "INSERT INTO batch_results (job_id, idx, layer_id, request_id, state) VALUES (?, ?, ?, ?, 'waiting')",
  );
  const selectJob = db.prepare('SELECT * FROM batch_jobs WHERE id = ?');

  const create = (job: NewBatchJob): ReserveResult => {
    for (const [i, r] of job.reservations.entries()) {
      const refusal = checkLimits(reserve, r, i === 0);
      if (refusal) throw new Refused(refusal);
      insertReservation.run(...reservationValues(r, '').slice(0, 11), null, i === 0 ? 1 : 0);
    }
    const cost = job.reservations.reduce((sum, r) => sum + r.estimatedCostUsd, 0);
    const { id, tokenId, tokenName, fileKey, model, imageSize, now } = job;
    insertJob.run(id, tokenId, tokenName, fileKey, model, imageSize, job.layerIds.length, cost, now, now);
    for (const [i, layerId] of job.layerIds.entries()) insertResult.run(id, i, layerId, job.reservations[i]!.requestId);
    return { ok: true };
  };

  return {
    create(job: NewBatchJob): ReserveResult {
      try {
        return transaction(db, () => create(job));
      } catch (error) {
        if (error instanceof Refused) return { ok: false, refusal: error.refusal };
        throw error;
      }
    },

    submitted(id: string, googleName: string, now: number): void {
      db.prepare("UPDATE batch_jobs SET google_name = ?, state = 'pending', updated_at = ? WHERE id = ?").run(
        googleName,
        now,
        id,
      );
    },

    setState(id: string, state: BatchJobState, now: number): void {
      db.prepare('UPDATE batch_jobs SET state = ?, updated_at = ? WHERE id = ? AND done_at IS NULL').run(
        state,
        now,
        id,
      );
    },

    list(tokenId: string): BatchJobRecord[] {
      return db
        .prepare('SELECT * FROM batch_jobs WHERE token_id = ? ORDER BY created_at DESC, id')
        .all(tokenId)
        .map(batchJobOf);
    },

    claim: (now: number, leaseMs: number, limit: number) => claimJobs(db, now, leaseMs, limit),
    finish: (job: FinishedBatchJob) => finishJob(db, settle, job),
    place: (id: string, indexes: readonly number[] | null, now: number) => placeResults(db, id, indexes, now),

    get(id: string): { job: BatchJobRecord; results: BatchResultRecord[] } | null {
      const row = selectJob.get(id);
      if (!row) return null;
      const results = db.prepare('SELECT * FROM batch_results WHERE job_id = ? ORDER BY idx').all(id);
      return { job: batchJobOf(row), results: results.map(batchResultOf) };
    },
  };
}

/** Holds the job for `leaseMs` for the caller; see `ProxyStore.claimBatchJobs`. */
function claimJobs(db: DatabaseSync, now: number, leaseMs: number, limit: number): BatchJobRecord[] {
  return transaction(db, () => {
    const rows = db
      .prepare(
        `SELECT * FROM batch_jobs WHERE done_at IS NULL AND lease_until <= ?
           AND (google_name IS NOT NULL OR created_at <= ?) ORDER BY lease_until LIMIT ?`,
      )
      .all(now, now - STALE_SUBMISSION_MS, limit);
    const lease = db.prepare('UPDATE batch_jobs SET lease_until = ? WHERE id = ?');
    for (const row of rows) lease.run(now + leaseMs, String(row.id));
    return rows.map(batchJobOf);
  });
}

/** Ends an open job in one transaction; see `ProxyStore.finishBatchJob`. */
function finishJob(db: DatabaseSync, settle: (record: UsageRecord) => void, job: FinishedBatchJob): boolean {
  return transaction(db, () => {
    const { succeeded, failed, costUsd } = finishedCounts(job);
    const changed = db
      .prepare(
        `UPDATE batch_jobs SET state = ?, succeeded_count = ?, failed_count = ?, cost_usd = ?, updated_at = ?,
           done_at = ? WHERE id = ? AND done_at IS NULL`,
      )
      .run(job.state, succeeded, failed, costUsd, job.now, job.now, job.id);
    if (Number(changed.changes) === 0) return false;
    const setResult = db.prepare(SET_RESULT);
    for (const result of job.results) setResult.run(...resultValues(result), job.id, result.index);
    for (const record of job.usage) settle(record);
    return true;
  });
}

/** Marks results placed and frees their bytes; see `ProxyStore.placeBatchResults`. */
function placeResults(db: DatabaseSync, id: string, indexes: readonly number[] | null, now: number): number {
  return transaction(db, () => {
    const rows = db
      .prepare("SELECT idx FROM batch_results WHERE job_id = ? AND state IN ('ok', 'failed')")
      .all(id)
      .map((row) => Number(row.idx))
      .filter((i) => indexes === null || indexes.includes(i));
    const mark = db.prepare(
      "UPDATE batch_results SET state = 'placed', bytes = NULL, placed_at = ? WHERE job_id = ? AND idx = ?",
    );
    for (const i of rows) mark.run(now, id, i);
    db.prepare('UPDATE batch_jobs SET placed_count = placed_count + ?, updated_at = ? WHERE id = ?').run(
      rows.length,
      now,
      id,
    );
    return rows.length;
  });
}
