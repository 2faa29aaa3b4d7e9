/**
 * `POST /v1/batches` (docs/proxy-api.md#batches): each request checked as `POST /v1/generate` checks one
 * (`generate-input.ts`, `generate-plan.ts`), every request's cost reserved at the batch rate in one store
 * transaction (all or none, `ProxyStore.createBatchJob`), then one Batch API job of inlined requests submitted.
 * A job Google refused ends at once as failed, its reservations settled at nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { batchRequestSchema, MAX_INLINED_BATCH_BYTES, type BatchRequest } from '../core/batch-schema.js';
import { formatMegabytes } from '../core/input-limits.js';
import { costModelOf, estimateCostUsd } from '../core/cost-estimate.js';
import { roundUsd, type ImageSize, type ModelInfo } from '../core/models.js';
import { describeIssue, type GenerateRequest } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import type { GeminiBatchRequest } from './gemini-port.js';
import { checkCapabilities, resolveModel } from './generate-input.js';
import { preparedInputs, refuseUnreachable } from './generate-plan.js';
import { limitError } from './limit-error.js';
import { ProxyError } from './proxy-error.js';
import type { NewBatchJob } from './store/batch-rows.js';
import { toProxyError } from './to-proxy-error.js';

/** One request of the job, checked: what goes to Gemini and what its reservation holds. */
interface CheckedItem {
  layerId: string;
  upstream: GeminiBatchRequest;
  aspectRatio: string | null;
  inputImages: number;
  estimateUsd: number;
}

/** Reads, checks, reserves and submits a job; returns its id. */
export async function submitBatch(ctx: AppContext, c: Context<AppEnv>): Promise<string> {
  if (ctx.config.backend.kind === 'vertex') {
    throw new ProxyError(
      'unsupported_parameter',
      'Batch jobs need the Gemini API backend; Vertex AI has no inlined batch jobs.',
    );
  }
  const body = await readBatchBody(c);
  const model = resolveModel(ctx.registry, { prompt: '', ...(body.model ? { model: body.model } : {}) });
  refuseUnreachable(ctx, model);
  const items = body.requests.map((item, i) => checkItem(ctx, model, body, item, i));
  refuseOversized(items);
  const imageSize = items[0]!.upstream.imageSize ?? null;
  const owner = c.get('owner');
  const id = randomUUID();
  const now = ctx.clock.now();
  const job: NewBatchJob = {
    id,
    tokenId: owner.id,
    tokenName: owner.name,
    fileKey: body.fileKey,
    model: model.id,
    imageSize,
    layerIds: items.map((item) => item.layerId),
    reservations: items.map((item, i) => ({
      requestId: `${id}/${i}`,
      tokenId: owner.id,
      tokenName: owner.name,
      model: model.id,
      imageSize: imageSize ?? model.defaultImageSize,
      aspectRatio: item.aspectRatio,
      inputImages: item.inputImages,
      estimatedCostUsd: item.estimateUsd,
      now,
    })),
    now,
  };
  const reserved = await ctx.store.createBatchJob(job);
  if (!reserved.ok) throw limitError(reserved.refusal, now);
  try {
    const submitted = await ctx.gemini.submitBatch(
      model.id,
      items.map((item) => item.upstream),
      `banana-${id}`,
    );
    await ctx.store.batchSubmitted(id, submitted.name, ctx.clock.now());
  } catch (error) {
    const failure = toProxyError(error, c.get('requestId'));
    await ctx.store.finishBatchJob({
      id,
      state: 'failed',
      results: items.map((_, index) => ({ index, error: { code: failure.code, message: failure.message } })),
      usage: job.reservations.map((r) => ({
        ...r,
        createdAt: now,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        savedUsd: 0,
        cached: false,
        outcome: failure.code,
        latencyMs: ctx.clock.now() - now,
        attempts: 1,
      })),
      now: ctx.clock.now(),
    });
    throw failure;
  }
  return id;
}

/** Refuses a job whose inlined requests pass Google's 20 MB, before anything is reserved. */
function refuseOversized(items: readonly CheckedItem[]): void {
  const bytes = items.reduce(
    (sum, item) =>
      sum + item.upstream.parts.reduce((n, p) => n + ('text' in p ? p.text.length : p.inlineData.data.length), 0),
    0,
  );
  if (bytes <= MAX_INLINED_BATCH_BYTES) return;
  throw new ProxyError(
    'request_too_large',
    `This job's requests come to ${formatMegabytes(bytes)}; Gemini takes at most ${formatMegabytes(MAX_INLINED_BATCH_BYTES)} in one batch job. Send the selection as several smaller jobs.`,
  );
}

async function readBatchBody(c: Context<AppEnv>): Promise<BatchRequest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = batchRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ProxyError('bad_request', `The job is not valid: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

/** One request checked as `/v1/generate` checks it; a refusal names the request and its layer. */
function checkItem(
  ctx: AppContext,
  model: ModelInfo,
  body: BatchRequest,
  item: BatchRequest['requests'][number],
  index: number,
): CheckedItem {
  const request: GenerateRequest = {
    prompt: item.prompt,
    ...(item.images ? { images: item.images } : {}),
    ...((item.aspectRatio ?? body.aspectRatio) ? { aspectRatio: item.aspectRatio ?? body.aspectRatio } : {}),
    ...(body.imageSize ? { imageSize: body.imageSize } : {}),
  };
  try {
    const imageSize: ImageSize = checkCapabilities(model, request);
    const { images, inputImages } = preparedInputs(ctx, request);
    const standard = estimateCostUsd(costModelOf(model), imageSize, inputImages, request.prompt.length) ?? 0;
    return {
      layerId: item.layerId,
      upstream: {
        parts: [
          ...images.map((i) => ({ inlineData: { data: i.base64, mimeType: i.mimeType } })),
          { text: request.prompt },
        ],
        ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
        ...(model.imageSizes.length > 0 ? { imageSize } : {}),
      },
      aspectRatio: request.aspectRatio ?? null,
      inputImages,
      estimateUsd: roundUsd(standard * model.pricing.batchRate),
    };
  } catch (error) {
    if (!(error instanceof ProxyError)) throw error;
    throw new ProxyError(error.code, `Request ${index + 1} (layer ${item.layerId}): ${error.message}`);
  }
}
