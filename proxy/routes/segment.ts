/**
 * `POST /v1/segment` (docs/proxy-api.md#post-v1segment): masks of an image's main subject, or of one named object,
 * from the registry's segmentation model (core/segmentation-model.ts) through the Gemini port's `generateJson`. The
 * steps follow `POST /v1/generate`'s (proxy/routes/generate.ts): validate, reserve against the person's limits, wait
 * for a fair share of the upstream slots and call Gemini with retries inside the model's timeout, price the answer per
 * token as Google bills it. Every request that got past authentication leaves exactly one usage row.
 */
import type { Context } from 'hono';
import type { SegmentResponse } from '../../core/segment-schema.js';
import { parseSegmentationText } from '../../core/segmentation-answer.js';
import { segmentationCostUsd, segmentationEstimateUsd, type SegmentationModel } from '../../core/segmentation-model.js';
import { segmentationPrompt } from '../../core/segmentation-prompt.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { callWithRetries } from '../call-with-retries.js';
import { noteFault } from '../fault-counts.js';
import type { GeminiInputPart, GeminiResponse } from '../gemini-port.js';
import { settledCostUsd } from '../generate-pricing.js';
import { ProxyError } from '../proxy-error.js';
import { reserveRequest } from '../reserve-request.js';
import { readSegmentRequest, segmentationModelOf } from '../segment-input.js';
import type { UsageRecord } from '../store/store.js';
import { toProxyError } from '../to-proxy-error.js';
import { UNSETTLED } from '../generate-run.js';

export function segmentHandler(ctx: AppContext) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const started = performance.now();
    const owner = c.get('owner');
    const who = { requestId: c.get('requestId'), tokenId: owner.id, tokenName: owner.name };
    // One input image: the picture sent to be segmented.
    const row: UsageRecord = { ...who, ...UNSETTLED, inputImages: 1, createdAt: ctx.clock.now() };
    let estimateUsd = 0;
    let billedUsd = 0;
    try {
      const request = await readSegmentRequest(ctx, c);
      const model = segmentationModelOf(ctx);
      row.model = model.id;
      estimateUsd = segmentationEstimateUsd(model);
      const planned = { ...who, model: model.id, imageSize: 'mask', aspectRatio: null, inputImages: 1 };
      await reserveRequest(ctx, planned, estimateUsd);
      const parts = [{ inlineData: request.image }, { text: segmentationPrompt(request.label) }];
      const response = await callSegmentation(ctx, c, model, parts, (attempt) => (row.attempts = attempt));
      const body = segmentResponseOf(model, response);
      billedUsd = body.usage.costUsd;
      Object.assign(row, { inputTokens: body.usage.inputTokens, outputTokens: body.usage.outputTokens });
      row.outcome = 'ok';
      return c.json(body);
    } catch (error) {
      row.outcome = toProxyError(error, row.requestId).code;
      const costUsd = settledCostUsd({ outcome: row.outcome, attempts: row.attempts, estimateUsd, billedUsd });
      if (error instanceof ProxyError && costUsd > 0) error.mayHaveBilledUsd = costUsd;
      throw error;
    } finally {
      row.costUsd = settledCostUsd({ outcome: row.outcome, attempts: row.attempts, estimateUsd, billedUsd });
      row.latencyMs = performance.now() - started;
      try {
        await ctx.store.recordUsage(row);
      } catch (error) {
        noteFault(ctx.faults, c, 'usageWriteFailed', error, ctx.config.secrets);
      }
      c.set('logFields', { ...c.get('logFields'), model: row.model ?? '', outcome: row.outcome, costUsd: row.costUsd });
    }
  };
}

async function callSegmentation(
  ctx: AppContext,
  c: Context<AppEnv>,
  model: SegmentationModel,
  parts: GeminiInputPart[],
  onAttempt: (attempt: number) => void,
): Promise<GeminiResponse> {
  const clientSignal = c.req.raw.signal;
  const release = await ctx.queue.acquire(c.get('owner').id, clientSignal);
  try {
    const timeoutMs = model.timeoutSeconds * 1000 * ctx.config.timeoutScale;
    return await callWithRetries((signal) => ctx.gemini.generateJson({ model: model.id, parts, signal }), {
      policy: ctx.config.retry,
      deadline: performance.now() + timeoutMs,
      signal: clientSignal,
      onAttempt,
      onTimeout: () => new ProxyError('upstream_timeout', 'Gemini did not find the masks in time. Try again.'),
    });
  } catch (error) {
    // Gemini says the key lost the model since the last check (404): check again now, so /v1/models stops offering it.
    if (error instanceof ProxyError && error.code === 'model_unavailable') void ctx.availability.check();
    throw error;
  } finally {
    release();
  }
}

/** The masks in Gemini's answer, priced; a blocked prompt is `safety_blocked`, an answer without masks an error. */
function segmentResponseOf(model: SegmentationModel, response: GeminiResponse): SegmentResponse {
  if (response.promptFeedback?.blockReason) {
    throw new ProxyError('safety_blocked', "Gemini's safety filters blocked this image. Nothing was changed.");
  }
  const text = (response.candidates?.[0]?.content?.parts ?? [])
    .filter((part) => !part.thought && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
  const masks = parseSegmentationText(text);
  if (!masks.ok) throw new ProxyError(masks.error.code, masks.error.message);
  const inputTokens = response.usage.promptTokens;
  const totalTokens = Math.max(response.usage.totalTokens, inputTokens);
  const outputTokens = totalTokens - inputTokens;
  return {
    model: model.id,
    masks: masks.value,
    usage: { inputTokens, outputTokens, totalTokens, costUsd: segmentationCostUsd(model, inputTokens, outputTokens) },
  };
}
