/**
 * The Gemini double's Batch API, as `@google/genai` 3.x calls it on the Gemini API (docs/gemini-double.md#the-batch-api):
 * `POST models/{m}:batchGenerateContent` with inlined requests, `GET batches/{id}`, `GET batches`,
 * `POST batches/{id}:cancel` and `DELETE batches/{id}`. Each is answered as Google does, with a long-running
 * `Operation` whose `metadata` is the batch (batch-jobs.ts).
 */
import type { ServerResponse } from 'node:http';
// Inlined requests "under 20 MB" in all; a bigger create gets the payload-size text (assumed: Google's answer
// past this size is not documented).
import { MAX_INLINED_BATCH_BYTES } from '../../core/batch-schema.js';
import {
  addJob,
  isTerminal,
  operationOf,
  pollJob,
  setState,
  type BatchBook,
  type BatchState,
  type DoubleBatchJob,
} from './batch-jobs.js';
import {
  entityNotFound,
  isGoogleErrorBody,
  invalidArgument,
  invalidJson,
  modelNotFound,
  payloadTooLarge,
  type GoogleErrorBody,
} from './errors.js';
import type { JsonBody } from './handle-request.js';
import { sendError, sendJson } from './http-io.js';
import { answerInlined, type InlinedContext } from './inlined-answer.js';
import { reachableModel } from './model-routes.js';
import { readGenerateRequest } from './request.js';
import { parseTriggers } from './triggers.js';
import type { BatchRoute } from './routes.js';

/** What the batch routes need of the double: its jobs, and what answering one inlined request needs. */
export interface BatchContext extends InlinedContext {
  batches: BatchBook;
}

/** Page size of `GET batches` when the call gives none (assumed). */
const DEFAULT_PAGE_SIZE = 50;

/** Answers one Batch API call. */
export async function answerBatchRoute(
  state: BatchContext,
  route: BatchRoute,
  read: JsonBody,
  response: ServerResponse,
): Promise<void> {
  const fail = (error: GoogleErrorBody): void => sendError(response, error, false);
  if (route.kind === 'batch-create') return createBatch(state, route, read, response, fail);
  if (route.kind === 'batch-list') return listBatches(state.batches, response);
  const job = state.batches.jobs.get(route.id);
  if (!job) return fail(entityNotFound());
  if (route.kind === 'batch-get') {
    await pollAndAnswer(state, job, response);
    return sendJson(response, 200, operationOf(job, true));
  }
  if (route.kind === 'batch-cancel') {
    if (!isTerminal(job.state)) setState(job, 'BATCH_STATE_CANCELLED', new Date());
    return sendJson(response, 200, {});
  }
  state.batches.jobs.delete(route.id);
  return sendJson(response, 200, {});
}

function createBatch(
  state: BatchContext,
  route: Extract<BatchRoute, { kind: 'batch-create' }>,
  read: JsonBody,
  response: ServerResponse,
  fail: (error: GoogleErrorBody) => void,
): void {
  if (read.raw === null || read.raw.length > MAX_INLINED_BATCH_BYTES) {
    return fail(payloadTooLarge(MAX_INLINED_BATCH_BYTES));
  }
  if (!read.isJson) return fail(invalidJson());
  if (!reachableModel(state, route.model)) return fail(modelNotFound(route.model, route.version));
  const batch = (read.body as { batch?: Record<string, unknown> } | null)?.batch;
  const input = batch?.['inputConfig'] as { requests?: { requests?: unknown }; fileName?: unknown } | undefined;
  if (input?.fileName !== undefined) {
    return fail(
      invalidArgument('The Gemini double serves inlined requests only, not input files.', 'batch.input_config'),
    );
  }
  const requests = input?.requests?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    return fail(invalidArgument('* BatchGenerateContentRequest.batch.input_config: requests must not be empty.\n'));
  }
  const displayName = typeof batch?.['displayName'] === 'string' ? batch['displayName'] : '';
  const job = addJob(
    state.batches,
    {
      model: `models/${route.model}`,
      displayName,
      requests: requests.map((r: unknown) => {
        const item = (r ?? {}) as { request?: unknown; metadata?: unknown };
        return item.metadata === undefined
          ? { request: item.request }
          : { request: item.request, metadata: item.metadata };
      }),
    },
    new Date(),
  );
  sendJson(response, 200, operationOf(job, false));
}

/** One poll of a job: it may start running, or finish with every inlined request answered. */
async function pollAndAnswer(state: BatchContext, job: DoubleBatchJob, response: ServerResponse): Promise<void> {
  const step = pollJob(state.batches, job);
  if (step === 'running') setState(job, 'BATCH_STATE_RUNNING', new Date());
  if (step !== 'finish') return;
  const ended = jobEnd(job);
  if (ended) return setState(job, ended, new Date());
  const model = reachableModel(state, job.model.slice('models/'.length));
  const responses = [];
  for (const item of job.requests) responses.push(await answerInlined(state, model, item, response));
  job.responses = responses;
  setState(job, 'BATCH_STATE_SUCCEEDED', new Date());
}

/** The state a `[double:batch-failed]` or `[double:batch-expired]` in any request's prompt ends the job in. */
function jobEnd(job: DoubleBatchJob): BatchState | null {
  for (const item of job.requests) {
    const request = readGenerateRequest(item.request);
    if (isGoogleErrorBody(request)) continue;
    const end = parseTriggers(request.prompt).triggers.batchEnd;
    if (end) return end;
  }
  return null;
}

/** `GET batches?pageSize=&pageToken=`: newest first, each without its output (assumed), `nextPageToken` after. */
function listBatches(book: BatchBook, response: ServerResponse): void {
  const url = new URL(response.req.url ?? '/', 'http://double.invalid');
  const size = Number(url.searchParams.get('pageSize')) || DEFAULT_PAGE_SIZE;
  const start = Number(url.searchParams.get('pageToken') ?? '0') || 0;
  const jobs = [...book.jobs.values()].reverse();
  const page = jobs.slice(start, start + size);
  const body: Record<string, unknown> = { operations: page.map((job) => operationOf(job, false)) };
  if (start + size < jobs.length) body['nextPageToken'] = String(start + size);
  sendJson(response, 200, body);
}
