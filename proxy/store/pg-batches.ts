/**
 * Batch API jobs in PostgreSQL (docs/proxy-api.md#batches), with the promises of `sqlite-batches.ts` across
 * instances: a job and all its requests' reservations are written in one transaction under the person's token row
 * lock (`pg-reservations.ts`), so two instances never let a person past a limit; claiming jobs to poll uses
 * `FOR UPDATE SKIP LOCKED`, so two instances never poll the same job at once.
 */
import type { Pool, PoolClient } from 'pg';
import { DatabaseError } from 'pg';
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
import { firstRefusal } from './limit-check.js';
import { transaction, type Query } from './pg-db.js';
import { countUsageUnderLockAsync } from './pg-reservations.js';
import type { Row } from './row.js';
import type { BatchMethod } from './batch-rows.js';
import type { ProxyStore, ReserveResult, UsageRecord } from './store.js';
import { tokenLimitsOf } from './token-rows.js';
import { reservationValues } from './usage-row-values.js';

const INSERT_RESERVATION = `
  INSERT INTO usage (request_id, token_id, token_name, created_at, day, model, image_size, aspect_ratio,
    input_images, cost_usd, state, counts_image, instance, metered)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'batch', $11, $12, $13)`;

/** The batch tables of one PostgreSQL database; `settle` writes a final usage row on `client` (`pg-usage.ts`). */
export function createPgBatchTable(
  pool: Pool,
  query: Query,
  settle: (client: PoolClient, record: UsageRecord) => Promise<void>,
) {
  return {
    async create(job: NewBatchJob, retried: boolean): Promise<ReserveResult> {
      try {
        return await transaction(pool, (client) => createInAsync(client, job));
      } catch (error) {
        if (error instanceof RefusedBatch) return error.result;
        // A retry after a COMMIT whose answer was lost finds its own job.
        if (retried && error instanceof DatabaseError && error.code === '23505') {
          const [row] = await query<Row>('SELECT token_id FROM batch_jobs WHERE id = $1', [job.id]);
          if (row && row.token_id === job.tokenId) return { ok: true };
        }
        throw error;
      }
    },

    async submitted(id: string, googleName: string, now: number): Promise<void> {
      await query("UPDATE batch_jobs SET google_name = $2, state = 'pending', updated_at = $3 WHERE id = $1", [
        id,
        googleName,
        now,
      ]);
    },

    async setState(id: string, state: BatchJobState, now: number): Promise<void> {
      await query('UPDATE batch_jobs SET state = $2, updated_at = $3 WHERE id = $1 AND done_at IS NULL', [
        id,
        state,
        now,
      ]);
    },

    async list(tokenId: string): Promise<BatchJobRecord[]> {
      const rows = await query<Row>('SELECT * FROM batch_jobs WHERE token_id = $1 ORDER BY created_at DESC, id', [
        tokenId,
      ]);
      return rows.map(batchJobOf);
    },

    async get(id: string): Promise<{ job: BatchJobRecord; results: BatchResultRecord[] } | null> {
      const [row] = await query<Row>('SELECT * FROM batch_jobs WHERE id = $1', [id]);
      if (!row) return null;
      const results = await query<Row>('SELECT * FROM batch_results WHERE job_id = $1 ORDER BY idx', [id]);
      return { job: batchJobOf(row), results: results.map(batchResultOf) };
    },

    claim: (now: number, leaseMs: number, limit: number) => claimJobsAsync(query, now, leaseMs, limit),
    place: (id: string, indexes: readonly number[] | null, now: number) => placeResultsAsync(pool, id, indexes, now),
    finish: (job: FinishedBatchJob): Promise<boolean> =>
      transaction(pool, (client) => finishInAsync(client, job, settle)),
  };
}

async function createInAsync(client: PoolClient, job: NewBatchJob): Promise<ReserveResult> {
  const locked = await client.query<Row>('SELECT daily_images, monthly_usd, rpm FROM tokens WHERE id = $1 FOR UPDATE', [
    job.tokenId,
  ]);
  const limits = tokenLimitsOf(locked.rows[0] ?? { daily_images: null, monthly_usd: null, rpm: null });
  for (const [i, r] of job.reservations.entries()) {
    const counted = i === 0 ? limits : { ...limits, rpm: null };
    const refusal = firstRefusal(counted, r, await countUsageUnderLockAsync(client, r, counted));
    if (refusal) throw new RefusedBatch({ ok: false, refusal });
    await client.query(INSERT_RESERVATION, [...reservationValues(r, '').slice(0, 11), null, i === 0 ? 1 : 0]);
  }
  const cost = job.reservations.reduce((sum, r) => sum + r.estimatedCostUsd, 0);
  await client.query(
    `INSERT INTO batch_jobs (id, token_id, token_name, file_key, model, image_size, request_count, state, cost_usd,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitting', $8, $9, $9)`,
    [job.id, job.tokenId, job.tokenName, job.fileKey, job.model, job.imageSize, job.layerIds.length, cost, job.now],
  );
  for (const [i, layerId] of job.layerIds.entries()) {
    await client.query(
      "INSERT INTO batch_results (job_id, idx, layer_id, request_id, state) VALUES ($1, $2, $3, $4, 'waiting')",
      [job.id, i, layerId, job.reservations[i]!.requestId],
    );
  }
  return { ok: true };
}

async function finishInAsync(
  client: PoolClient,
  job: FinishedBatchJob,
  settle: (client: PoolClient, record: UsageRecord) => Promise<void>,
): Promise<boolean> {
  const { succeeded, failed, costUsd } = finishedCounts(job);
  const changed = await client.query(
    `UPDATE batch_jobs SET state = $2, succeeded_count = $3, failed_count = $4, cost_usd = $5, updated_at = $6,
       done_at = $6 WHERE id = $1 AND done_at IS NULL`,
    [job.id, job.state, succeeded, failed, costUsd, job.now],
  );
  if ((changed.rowCount ?? 0) === 0) return false;
  for (const result of job.results) {
    await client.query(
      `UPDATE batch_results SET state = $3, mime_type = $4, width = $5, height = $6, bytes = $7, error_code = $8,
         error_message = $9 WHERE job_id = $1 AND idx = $2`,
      [job.id, result.index, ...resultValues(result)],
    );
  }
  for (const record of job.usage) await settle(client, record);
  return true;
}

/** A refusal carried out of the transaction, so it rolls back everything this job reserved. */
class RefusedBatch extends Error {
  constructor(readonly result: ReserveResult) {
    super('refused');
  }
}

/** Holds up to `limit` open jobs for the caller; see `ProxyStore.claimBatchJobs`. */
async function claimJobsAsync(query: Query, now: number, leaseMs: number, limit: number): Promise<BatchJobRecord[]> {
  const rows = await query<Row>(
    `UPDATE batch_jobs SET lease_until = $2 WHERE id IN (
       SELECT id FROM batch_jobs WHERE done_at IS NULL AND lease_until <= $1
         AND (google_name IS NOT NULL OR created_at <= $4)
       ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [now, now + leaseMs, limit, now - STALE_SUBMISSION_MS],
  );
  return rows.map(batchJobOf);
}

/** Marks results placed and frees their bytes; see `ProxyStore.placeBatchResults`. */
function placeResultsAsync(pool: Pool, id: string, indexes: readonly number[] | null, now: number): Promise<number> {
  return transaction(pool, async (client) => {
    const marked = await client.query(
      `UPDATE batch_results SET state = 'placed', bytes = NULL, placed_at = $2
       WHERE job_id = $1 AND state IN ('ok', 'failed') AND ($3::int[] IS NULL OR idx = ANY($3::int[]))`,
      [id, now, indexes],
    );
    const count = marked.rowCount ?? 0;
    await client.query('UPDATE batch_jobs SET placed_count = placed_count + $2, updated_at = $3 WHERE id = $1', [
      id,
      count,
      now,
    ]);
    return count;
  });
}

/** The store's batch methods over `batches`, each through `retry` (a create's retry knows it is one). */
export function pgBatchMethods(
  batches: ReturnType<typeof createPgBatchTable>,
  retry: <T>(operation: () => Promise<T>) => Promise<T>,
): Pick<ProxyStore, BatchMethod> {
  return {
    createBatchJob: (job) => {
      let tries = 0;
      return retry(() => batches.create(job, tries++ > 0));
    },
    batchSubmitted: (id, googleName, now) => retry(() => batches.submitted(id, googleName, now)),
    setBatchState: (id, state, now) => retry(() => batches.setState(id, state, now)),
    listBatchJobs: (tokenId) => retry(() => batches.list(tokenId)),
    batchJob: (id) => retry(() => batches.get(id)),
    claimBatchJobs: (now, leaseMs, limit) => retry(() => batches.claim(now, leaseMs, limit)),
    finishBatchJob: (job) => retry(() => batches.finish(job)),
    placeBatchResults: (id, indexes, now) => retry(() => batches.place(id, indexes, now)),
  };
}
