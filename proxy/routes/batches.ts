/**
 * `/v1/batches` (docs/proxy-api.md#batches): a person's Batch API jobs. Submit one (`batch-submit.ts`), list one's
 * own, read one with its results once done, cancel one (at Google too), and mark results placed, which frees their
 * bytes in the store. Another person's job is answered as not found, never shown.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { BatchJobView, BatchResultView } from '../../core/batch-schema.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { finishWithReservedFacts, settledRow } from '../batch-poller.js';
import { submitBatch } from '../batch-submit.js';
import { budgetedBody } from '../budgeted-body.js';
import { ProxyError } from '../proxy-error.js';
import { FINAL_BATCH_STATES, type BatchJobRecord, type BatchResultRecord } from '../store/batch-rows.js';

/** The paths and methods mounted here, for the app's 405 answers. */
export const BATCH_ROUTES: readonly [string, readonly string[]][] = [
  ['/v1/batches', ['GET', 'POST']],
  ['/v1/batches/:id', ['GET']],
  ['/v1/batches/:id/cancel', ['POST']],
  ['/v1/batches/:id/placed', ['POST']],
];

/** Mounts the batch routes on `app`, each behind `teamToken`. */
export function mountBatchRoutes(app: Hono<AppEnv>, ctx: AppContext, teamToken: MiddlewareHandler<AppEnv>): void {
  app.post('/v1/batches', teamToken, budgetedBody(ctx), async (c) => {
    const id = await submitBatch(ctx, c);
    const stored = await ctx.store.batchJob(id);
    return c.json({ job: jobView(stored!.job) }, 201);
  });
  app.get('/v1/batches', teamToken, async (c) => {
    const fileKey = c.req.query('fileKey');
    const jobs = await ctx.store.listBatchJobs(c.get('owner').id);
    return c.json({ jobs: jobs.filter((j) => fileKey === undefined || j.fileKey === fileKey).map(jobView) });
  });
  app.get('/v1/batches/:id', teamToken, async (c) => {
    const { job, results } = await ownJob(ctx, c);
    return c.json({ job: jobView(job), results: results.map(resultView) });
  });
  app.post('/v1/batches/:id/cancel', teamToken, async (c) => cancelJob(ctx, c));
  app.post('/v1/batches/:id/placed', teamToken, async (c) => {
    const { job } = await ownJob(ctx, c);
    const indexes = await placedIndexes(c);
    const placed = await ctx.store.placeBatchResults(job.id, indexes, ctx.clock.now());
    return c.json({ placed });
  });
}

/** The caller's own job by id; anyone else's, or none, is 404. */
async function ownJob(ctx: AppContext, c: Context<AppEnv>) {
  const stored = await ctx.store.batchJob(c.req.param('id') ?? '');
  if (!stored || stored.job.tokenId !== c.get('owner').id) {
    throw new ProxyError('not_found', 'There is no such batch job for this token.');
  }
  return stored;
}

/** Cancels an open job at Google, then ends it here as cancelled: nothing of it is billed. */
async function cancelJob(ctx: AppContext, c: Context<AppEnv>): Promise<Response> {
  const { job, results } = await ownJob(ctx, c);
  if (FINAL_BATCH_STATES.has(job.state)) return c.json({ job: jobView(job) });
  if (job.googleName) await ctx.gemini.cancelBatch(job.googleName);
  const now = ctx.clock.now();
  await finishWithReservedFacts(ctx.store, {
    id: job.id,
    state: 'cancelled',
    results: results.map((r) => ({ index: r.index, error: { code: 'cancelled', message: 'The job was cancelled.' } })),
    usage: results.map((r) => ({ ...settledRow(job, r, now), outcome: 'cancelled' })),
    now,
  });
  const after = await ctx.store.batchJob(job.id);
  return c.json({ job: jobView(after!.job) });
}

/** `{ "indexes": [0, 2] }` marks those; no body, or no `indexes`, marks every result. */
async function placedIndexes(c: Context<AppEnv>): Promise<number[] | null> {
  const text = await c.req.text();
  if (text.trim() === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const indexes = (body as { indexes?: unknown } | null)?.indexes;
  if (indexes === undefined) return null;
  if (!Array.isArray(indexes) || !indexes.every((i) => Number.isInteger(i) && (i as number) >= 0)) {
    throw new ProxyError('bad_request', 'indexes must be a list of request numbers (0, 1, …).');
  }
  return indexes as number[];
}

/** A job as its owner sees it. */
export function jobView(job: BatchJobRecord): BatchJobView {
  return {
    id: job.id,
    fileKey: job.fileKey,
    model: job.model,
    imageSize: job.imageSize,
    state: job.state,
    counts: { requests: job.requestCount, succeeded: job.succeeded, failed: job.failed, placed: job.placed },
    costUsd: job.costUsd,
    createdAt: new Date(job.createdAt).toISOString(),
    doneAt: job.doneAt === null ? null : new Date(job.doneAt).toISOString(),
  };
}

function resultView(result: BatchResultRecord): BatchResultView {
  return {
    index: result.index,
    layerId: result.layerId,
    state: result.state,
    ...(result.image
      ? {
          image: {
            data: Buffer.from(result.image.bytes).toString('base64'),
            mimeType: result.image.mimeType,
            width: result.image.width,
            height: result.image.height,
          },
        }
      : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}
