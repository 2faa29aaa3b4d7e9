/**
 * The proxy's Batch API jobs, as the panel calls them (docs/proxy-api.md#batches): list a person's jobs for this
 * file, read one with its results, cancel one, mark results placed. Built on ui/proxy-client.ts, the one file that
 * calls `fetch`, so every call ends in a Result as the others do, and every answer is checked
 * (core/batch-view-schema.ts).
 */
import type { BatchJobView } from '../core/batch-schema.js';
import {
  batchJobResponseSchema,
  batchListResponseSchema,
  batchPlacedResponseSchema,
  batchReadResponseSchema,
  type BatchReadResponse,
} from '../core/batch-view-schema.js';
import { ok, type Result } from '../core/result.js';
import type { ProxyJsonCall } from './proxy-client.js';

export interface BatchClient {
  /** `GET /v1/batches?fileKey=`: this person's jobs for the file, newest first. */
  listBatchesAsync(fileKey: string, signal?: AbortSignal): Promise<Result<BatchJobView[]>>;
  /** `GET /v1/batches/:id`: the job and its results (images once done; a placed result has none). */
  getBatchAsync(id: string, signal?: AbortSignal): Promise<Result<BatchReadResponse>>;
  /** `POST /v1/batches/:id/cancel`: cancelled at Google and in the store; nothing of it is billed. */
  cancelBatchAsync(id: string): Promise<Result<BatchJobView>>;
  /** `POST /v1/batches/:id/placed`: these results are on the canvas; the store frees their bytes. */
  markPlacedAsync(id: string, indexes: readonly number[]): Promise<Result<number>>;
}

/** The batch calls over `call` (ui/proxy-client.ts `createProxyJsonCall`). */
export function createBatchClient(call: ProxyJsonCall): BatchClient {
  const job = (id: string) => `/v1/batches/${encodeURIComponent(id)}`;
  return {
    async listBatchesAsync(fileKey, signal) {
      const path = `/v1/batches?fileKey=${encodeURIComponent(fileKey)}`;
      const answer = await call(path, { method: 'GET' }, batchListResponseSchema, signal);
      return answer.ok ? ok(answer.value.jobs) : answer;
    },
    getBatchAsync: (id, signal) => call(job(id), { method: 'GET' }, batchReadResponseSchema, signal),
    async cancelBatchAsync(id) {
      const answer = await call(`${job(id)}/cancel`, { method: 'POST' }, batchJobResponseSchema);
      return answer.ok ? ok(answer.value.job) : answer;
    },
    async markPlacedAsync(id, indexes) {
      const body = { indexes: [...indexes] };
      const answer = await call(`${job(id)}/placed`, { method: 'POST', body }, batchPlacedResponseSchema);
      return answer.ok ? ok(answer.value.placed) : answer;
    },
  };
}
