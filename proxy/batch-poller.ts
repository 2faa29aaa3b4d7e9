/**
 * The Batch API poller (docs/proxy-api.md#batches): each instance, every `batchPollMs`, claims the open jobs no
 * instance holds (`ProxyStore.claimBatchJobs`: one poller per job at a time, even with several instances on one
 * store), asks Google for each, records a new state, and ends a finished job in one store transaction: each
 * request's image or error stored, and its usage row settled at the batch rate.
 */
import { costUsd, findModel, roundUsd, type ModelInfo, type ModelRegistry } from '../core/models.js';
import type { Clock } from './clock.js';
import { upstreamError } from './gemini-errors.js';
import type { GeminiBatchJob, GeminiPort } from './gemini-port.js';
import { billedUsage } from './generate-pricing.js';
import { ProxyError } from './proxy-error.js';
import { readImageAnswer } from './read-image-answer.js';
import type { BatchJobRecord, BatchResultRecord, FinishedBatchJob } from './store/batch-rows.js';
import type { ProxyStore, UsageRecord } from './store/store.js';

/** What polling needs: the store, Gemini, the registry's prices and the time. */
export interface BatchPollDeps {
  store: ProxyStore;
  gemini: GeminiPort;
  registry: ModelRegistry;
  clock: Clock;
  /** Scrubbed from Google's error texts (the key). */
  secrets: readonly string[];
}

/** Jobs one poll looks at, at most. */
const JOBS_PER_POLL = 20;

/**
 * Polls once: every open job this instance could claim, each held for `leaseMs` (by default the poll interval).
 * Returns how many jobs ended. A job whose poll failed (Google or the network away) waits for its lease to pass.
 */
export async function pollBatchesOnce(deps: BatchPollDeps, leaseMs: number): Promise<number> {
  const jobs = await deps.store.claimBatchJobs(deps.clock.now(), leaseMs, JOBS_PER_POLL);
  let ended = 0;
  for (const job of jobs) {
    try {
      if (job.googleName === null) {
        const interrupted = interruptedSubmission(deps, job, await deps.store.batchJob(job.id));
        if (await finishWithReservedFacts(deps.store, interrupted)) ended++;
        continue;
      }
      const upstream = await deps.gemini.getBatch(job.googleName);
      if (upstream.state === 'pending' || upstream.state === 'running') {
        if (upstream.state !== job.state) await deps.store.setBatchState(job.id, upstream.state, deps.clock.now());
        continue;
      }
      const results = await deps.store.batchJob(job.id);
      if (!results) continue;
      if (await finishWithReservedFacts(deps.store, finishedJob(deps, job, results.results, upstream))) ended++;
    } catch (error) {
      console.error(`[batches] polling ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ended;
}

/**
 * A job a proxy stopped submitting: whether Google got it is unknown, so it ends `failed` with each request
 * `interrupted`, its estimate kept as cost as for any interrupted request (Gemini may bill it).
 */
function interruptedSubmission(
  deps: Pick<BatchPollDeps, 'clock'>,
  job: BatchJobRecord,
  stored: { results: BatchResultRecord[] } | null,
): FinishedBatchJob {
  const now = deps.clock.now();
  const results = stored?.results ?? [];
  const each = job.costUsd / Math.max(1, results.length);
  const message = 'The proxy stopped while submitting this job. Submit it again.';
  return {
    id: job.id,
    state: 'failed',
    results: results.map((r) => ({ index: r.index, error: { code: 'interrupted', message } })),
    usage: results.map((r) => ({ ...settledRow(job, r, now), outcome: 'interrupted', costUsd: each })),
    now,
  };
}

/** A request's usage row with nothing billed yet, from what its batch job says; callers set outcome and cost. */
export function settledRow(job: BatchJobRecord, result: BatchResultRecord, now: number): UsageRecord {
  return {
    requestId: result.requestId,
    tokenId: job.tokenId,
    tokenName: job.tokenName,
    createdAt: job.createdAt,
    model: job.model,
    imageSize: job.imageSize,
    aspectRatio: null,
    inputImages: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    savedUsd: 0,
    cached: false,
    outcome: 'ok',
    latencyMs: now - job.createdAt,
    attempts: 1,
  };
}

/**
 * Ends the job with each usage row keeping what its reservation recorded and the job's rows do not hold (the
 * aspect ratio, the input images), so usage reports read a batch request as they read a single one.
 */
export async function finishWithReservedFacts(store: ProxyStore, job: FinishedBatchJob): Promise<boolean> {
  const usage = await Promise.all(
    job.usage.map(async (row) => {
      const reserved = await store.usageRecord(row.requestId);
      return reserved ? { ...row, aspectRatio: reserved.aspectRatio, inputImages: reserved.inputImages } : row;
    }),
  );
  return store.finishBatchJob({ ...job, usage });
}

/** Starts polling every `intervalMs`; returns the stop. */
export function startBatchPoller(deps: BatchPollDeps, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void pollBatchesOnce(deps, intervalMs).finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * How a job ended, request by request: an image (cost at the batch rate, by its `usageMetadata`), a refusal read
 * as `/v1/generate` reads one (a blocked image costs nothing), or Google's error; a job that failed, expired or was
 * cancelled as a whole gives each request that end, at no cost.
 */
export function finishedJob(
  deps: Pick<BatchPollDeps, 'registry' | 'clock' | 'secrets'>,
  job: BatchJobRecord,
  results: readonly BatchResultRecord[],
  upstream: GeminiBatchJob,
): FinishedBatchJob {
  const now = deps.clock.now();
  const model = findModel(deps.registry, job.model);
  const finished: FinishedBatchJob = { id: job.id, state: upstream.state, results: [], usage: [], now };
  for (const result of results) {
    const answer = upstream.responses?.[result.index];
    const row = settledRow(job, result, now);
    const outcome = readOutcome(deps, model, upstream, answer, row);
    finished.results.push({ index: result.index, ...outcome });
    row.outcome = outcome.error ? outcome.error.code : 'ok';
    finished.usage.push(row);
  }
  return finished;
}

function readOutcome(
  deps: Pick<BatchPollDeps, 'secrets'>,
  model: ModelInfo | null,
  upstream: GeminiBatchJob,
  answer: NonNullable<GeminiBatchJob['responses']>[number] | undefined,
  row: UsageRecord,
): Pick<FinishedBatchJob['results'][number], 'image' | 'error'> {
  if (!answer) {
    const code = upstream.state === 'cancelled' ? 'cancelled' : 'upstream_error';
    return { error: { code, message: `The batch job was ${upstream.state} before this request was answered.` } };
  }
  if ('error' in answer) {
    const error = upstreamError(answer.error.code, JSON.stringify({ error: answer.error }), deps.secrets);
    return { error: { code: error.code, message: error.message } };
  }
  if (model) {
    const billed = billedUsage(model, answer.response);
    row.inputTokens = billed.inputTokens;
    row.outputTokens = billed.outputTokens;
    row.costUsd = roundUsd(costUsd(model, answer.response.usage) * model.pricing.batchRate);
  }
  try {
    const { image } = readImageAnswer(answer.response);
    const bytes = new Uint8Array(Buffer.from(image.data, 'base64'));
    return { image: { mimeType: image.mimeType, width: image.width, height: image.height, bytes } };
  } catch (error) {
    if (!(error instanceof ProxyError)) throw error;
    if (error.code === 'safety_blocked') row.costUsd = 0;
    return { error: { code: error.code, message: error.message } };
  }
}
