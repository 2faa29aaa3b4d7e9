/**
 * Batch API jobs as the store keeps them (docs/proxy-api.md#batches): a job row per job at Google and a result row
 * per request, with the row mappers both stores share (`sqlite-batches.ts`, `pg-batches.ts`).
 */
import type { Row } from './row.js';
import { nullableNumber } from './row.js';
import type { ReserveRequest, UsageRecord } from './store.js';

/** A job's state: ours while submitting, then Google's (`JOB_STATE_…` without the prefix, lowercased). */
export type BatchJobState = 'submitting' | 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired';

/** The store methods of batch jobs (`ProxyStore`). */
export type BatchMethod =
  | 'createBatchJob'
  | 'batchSubmitted'
  | 'setBatchState'
  | 'listBatchJobs'
  | 'batchJob'
  | 'claimBatchJobs'
  | 'finishBatchJob'
  | 'placeBatchResults';

/**
 * A job still `submitting` this long after it was created was left by a proxy that stopped while submitting it:
 * claimed like an open job, so the poller ends it (the submission itself takes seconds).
 */
export const STALE_SUBMISSION_MS = 10 * 60_000;

/** The states a job never leaves. */
export const FINAL_BATCH_STATES: ReadonlySet<BatchJobState> = new Set(['succeeded', 'failed', 'cancelled', 'expired']);

/** A job as its owner sees it: never another person's. */
export interface BatchJobRecord {
  id: string;
  /** `batches/{id}` at Google; null until submitted. */
  googleName: string | null;
  tokenId: string;
  tokenName: string;
  /** The Figma file the panel asked for (opaque). */
  fileKey: string;
  model: string;
  imageSize: string | null;
  requestCount: number;
  state: BatchJobState;
  succeeded: number;
  failed: number;
  placed: number;
  /** Reserved at submission; once done, what the requests cost at the batch rate. */
  costUsd: number;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
}

/** One request's result: waiting, an image, an error, or placed (its bytes freed). */
export interface BatchResultRecord {
  index: number;
  /** The layer the panel will place it beside (opaque). */
  layerId: string;
  /** Its usage row. */
  requestId: string;
  state: 'waiting' | 'ok' | 'failed' | 'placed';
  image: { mimeType: string; width: number; height: number; bytes: Uint8Array } | null;
  error: { code: string; message: string } | null;
}

/** A job to create: its row, its requests' layers and their reservations (one per request, same order). */
export interface NewBatchJob {
  id: string;
  tokenId: string;
  tokenName: string;
  fileKey: string;
  model: string;
  imageSize: string | null;
  layerIds: string[];
  reservations: ReserveRequest[];
  now: number;
}

/** How a job ended: its state, each request's outcome, and the usage rows that settle their reservations. */
export interface FinishedBatchJob {
  id: string;
  state: BatchJobState;
  results: { index: number; image?: NonNullable<BatchResultRecord['image']>; error?: BatchResultRecord['error'] }[];
  usage: UsageRecord[];
  now: number;
}

/** A `batch_jobs` row read back. */
export function batchJobOf(row: Row): BatchJobRecord {
  return {
    id: String(row.id),
    googleName: row.google_name === null ? null : String(row.google_name),
    tokenId: String(row.token_id),
    tokenName: String(row.token_name),
    fileKey: String(row.file_key),
    model: String(row.model),
    imageSize: row.image_size === null ? null : String(row.image_size),
    requestCount: Number(row.request_count),
    state: String(row.state) as BatchJobState,
    succeeded: Number(row.succeeded_count),
    failed: Number(row.failed_count),
    placed: Number(row.placed_count),
    costUsd: Number(row.cost_usd),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    doneAt: nullableNumber(row.done_at),
  };
}

/** A `batch_results` row read back. */
export function batchResultOf(row: Row): BatchResultRecord {
  const bytes = row.bytes as Uint8Array | null;
  return {
    index: Number(row.idx),
    layerId: String(row.layer_id),
    requestId: String(row.request_id),
    state: String(row.state) as BatchResultRecord['state'],
    image:
      bytes && row.mime_type !== null
        ? {
            mimeType: String(row.mime_type),
            width: Number(row.width),
            height: Number(row.height),
            bytes: new Uint8Array(bytes),
          }
        : null,
    error: row.error_code === null ? null : { code: String(row.error_code), message: String(row.error_message) },
  };
}

/** The values of a finished request's result row: state, mime type, width, height, bytes, error code and message. */
export function resultValues(result: FinishedBatchJob['results'][number]): (string | number | Uint8Array | null)[] {
  const { image, error } = result;
  return [
    image ? 'ok' : 'failed',
    image?.mimeType ?? null,
    image?.width ?? null,
    image?.height ?? null,
    image?.bytes ?? null,
    image ? null : (error?.code ?? 'batch_failed'),
    image ? null : (error?.message ?? 'The batch job ended without an answer for this request.'),
  ];
}

/** Counts and cost of a finished job, from its results and usage rows. */
export function finishedCounts(job: FinishedBatchJob): { succeeded: number; failed: number; costUsd: number } {
  const succeeded = job.results.filter((r) => r.image).length;
  return {
    succeeded,
    failed: job.results.length - succeeded,
    costUsd: job.usage.reduce((sum, u) => sum + u.costUsd, 0),
  };
}
