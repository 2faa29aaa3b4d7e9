/**
 * `POST /v1/generate`: one image per call (variants are parallel calls, DESIGN.md §3). In order: validate; answer
 * from the cache when the same request was answered before (free, but a request: `answer-cache.ts`); reserve the
 * request against the person's limits in the store; wait for a fair share of the upstream slots; call Gemini with
 * retries inside the model's timeout; price the answer from `usageMetadata`; cache it. Every request that got
 * past authentication leaves exactly one usage row, whatever its outcome.
 *
 * Live replay (docs/live-replay.md): a request may carry `history`, the earlier user and model contents of a
 * conversation, sent before the new user turn with every part as given; the cache key covers it. With
 * `returnModelTurn` the answer carries the model's content (`modelTurn`) so the panel can replay it next time.
 */
import type { Context } from 'hono';
import { costModelOf, estimateCostUsd } from '../../core/cost-estimate.js';
import { inlineImageMaxBytes } from '../../core/input-limits.js';
import { costUsd, type ImageSize, type ModelInfo } from '../../core/models.js';
import type { GenerateRequest, GenerateResponse } from '../../core/proxy-schema.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { answerFromCache, cacheAnswer, cacheOwner } from '../answer-cache.js';
import { cacheKey } from '../cache-key.js';
import { callWithRetries } from '../call-with-retries.js';
import {
  checkCapabilities,
  historyImageCount,
  historyTextChars,
  prepareHistory,
  prepareImages,
  readGenerateRequest,
  resolveModel,
  type PreparedHistoryContent,
  type PreparedImage,
} from '../generate-input.js';
import type { GeminiInputPart, GeminiResponse } from '../gemini-port.js';
import { noteFault } from '../fault-counts.js';
import { limitError } from '../limit-error.js';
import { modelUnavailableError } from '../model-availability.js';
import { truncatePrompt } from '../logger.js';
import { ProxyError } from '../proxy-error.js';
import { packModelTurn } from '../../core/model-turn-wire.js';
import { modelTurnOf, readImageAnswer } from '../read-image-answer.js';
import { StoreUnavailableError, type UsageRecord } from '../store/store.js';

/** Outcomes after which Gemini may still bill: the SDK's abort does not stop the call server-side (§2.4). */
const MAYBE_BILLED = new Set(['cancelled', 'upstream_timeout']);

export function generateHandler(ctx: AppContext) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const owner = c.get('owner');
    const started = performance.now();
    const record: UsageRecord = {
      requestId: c.get('requestId'),
      tokenId: owner.id,
      tokenName: owner.name,
      createdAt: ctx.clock.now(),
      model: null,
      imageSize: null,
      aspectRatio: null,
      inputImages: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      savedUsd: 0,
      cached: false,
      outcome: 'internal_error',
      latencyMs: 0,
      attempts: 0,
    };
    const state = { estimate: 0, prompt: null as string | null };
    try {
      const response = await generate(ctx, c, record, state);
      record.outcome = 'ok';
      return response;
    } catch (error) {
      record.outcome =
        error instanceof ProxyError
          ? error.code
          : error instanceof StoreUnavailableError
            ? 'proxy_busy'
            : 'internal_error';
      if (MAYBE_BILLED.has(record.outcome) && record.attempts > 0) record.costUsd = state.estimate;
      // Say what the call may cost even though it failed: the panel shows it with the error.
      if (error instanceof ProxyError && record.costUsd > 0) error.mayHaveBilledUsd = record.costUsd;
      throw error;
    } finally {
      record.latencyMs = performance.now() - started;
      try {
        await ctx.store.recordUsage(record);
      } catch (error) {
        noteFault(ctx.faults, c, 'usageWriteFailed', error, ctx.config.secrets);
      }
      c.set('logFields', {
        ...c.get('logFields'),
        ...(record.model ? { model: record.model } : {}),
        ...(record.imageSize ? { imageSize: record.imageSize } : {}),
        outcome: record.outcome,
        costUsd: record.costUsd,
        cached: record.cached,
        attempts: record.attempts,
        ...(state.prompt !== null ? { prompt: state.prompt } : {}),
      });
    }
  };
}

async function generate(
  ctx: AppContext,
  c: Context<AppEnv>,
  record: UsageRecord,
  state: { estimate: number; prompt: string | null },
): Promise<Response> {
  const request = await readGenerateRequest(c);
  if (ctx.config.logPrompts) state.prompt = truncatePrompt(request.prompt);
  const model = resolveModel(ctx.registry, request);
  record.model = model.id;
  const unreachable = ctx.availability.unreachable();
  if (unreachable.has(model.id)) throw modelUnavailableError(ctx.registry, model, unreachable);
  record.aspectRatio = request.aspectRatio ?? null;
  const imageSize = checkCapabilities(model, request);
  record.imageSize = imageSize;
  const maxImageBytes = inlineImageMaxBytes(ctx.config.backend.kind);
  const images = prepareImages(request, maxImageBytes);
  const history = prepareHistory(request, maxImageBytes);
  // Every image Gemini reads as input, replayed ones included: they are billed like the new ones.
  const historyImages = historyImageCount(request);
  record.inputImages = images.length + historyImages;

  const key =
    request.cache !== false && ctx.config.cacheBytes > 0
      ? cacheKey({
          owner: cacheOwner(ctx, record.tokenId),
          model: model.id,
          prompt: request.prompt,
          aspectRatio: request.aspectRatio ?? null,
          imageSize,
          variant: request.variant ?? 0,
          images,
          history: history.map(({ content, images: decoded }) => ({
            role: content.role,
            parts: content.parts.map((part, i) => ({
              ...(part.text !== undefined ? { text: part.text } : {}),
              ...(part.thought ? { thought: true } : {}),
              ...(part.thoughtSignature !== undefined ? { thoughtSignature: part.thoughtSignature } : {}),
              ...(decoded[i] ? { image: decoded[i] } : {}),
            })),
          })),
        })
      : null;
  const reserveFields = {
    requestId: record.requestId,
    tokenId: record.tokenId,
    tokenName: record.tokenName,
    model: model.id,
    imageSize,
    aspectRatio: record.aspectRatio,
    inputImages: images.length,
  };
  const cached = key ? await answerFromCache(ctx, c, record, key, reserveFields) : null;
  if (cached) return cached;

  state.estimate =
    estimateCostUsd(
      costModelOf(model),
      imageSize,
      images.length + historyImages,
      request.prompt.length + historyTextChars(request),
    ) ?? 0;
  const now = ctx.clock.now();
  const reservation = await ctx.store.reserve({
    ...reserveFields,
    estimatedCostUsd: state.estimate,
    now,
    staleBefore: now - ctx.reservationTtlMs,
  });
  if (!reservation.ok) throw limitError(reservation.refusal, now);

  const response = await callUpstream(ctx, c, record, model, imageSize, request, images, history).catch(
    (error: unknown) => {
      if (!(error instanceof ProxyError && error.code === 'model_unavailable')) throw error;
      // Gemini says the key lost the model since the last check: check again now, and name the replacement.
      void ctx.availability.check();
      throw modelUnavailableError(ctx.registry, model, new Map([...unreachable, [model.id, 'Gemini answered 404']]));
    },
  );
  const inputTokens = response.usage.promptTokens;
  const totalTokens = Math.max(response.usage.totalTokens, inputTokens);
  // Output counts the image, the answer's text and the thinking; costUsd prices each at its own rate.
  const usage = { inputTokens, outputTokens: totalTokens - inputTokens, totalTokens };
  record.inputTokens = usage.inputTokens;
  record.outputTokens = usage.outputTokens;
  let answer;
  try {
    answer = readImageAnswer(response);
  } catch (error) {
    // Google does not bill blocked images (gemini-api.md §7); other failed answers are billed as sent.
    if (!(error instanceof ProxyError && error.code === 'safety_blocked')) {
      record.costUsd = costUsd(model, response.usage);
    }
    throw error;
  }
  record.costUsd = costUsd(model, response.usage);
  // Sent with the image's part emptied: the panel has that image already as `image.data`.
  const fullTurn = request.returnModelTurn ? modelTurnOf(response) : null;
  const modelTurn = fullTurn ? packModelTurn(fullTurn, answer.image.data) : null;
  const body: GenerateResponse = {
    image: answer.image,
    ...(answer.text ? { text: answer.text } : {}),
    model: model.id,
    usage: { ...usage, costUsd: record.costUsd },
    cached: false,
    ...(modelTurn ? { modelTurn } : {}),
  };
  if (key) {
    await cacheAnswer(ctx, c, key, {
      bytes: Buffer.from(answer.image.data, 'base64'),
      mimeType: answer.image.mimeType,
      width: answer.image.width,
      height: answer.image.height,
      text: answer.text ?? null,
      model: model.id,
      costUsd: record.costUsd,
    });
  }
  return c.json(body);
}

/** Waits for a fair share of the upstream slots, then calls Gemini with retries within the model's timeout. */
async function callUpstream(
  ctx: AppContext,
  c: Context<AppEnv>,
  record: UsageRecord,
  model: ModelInfo,
  imageSize: ImageSize,
  request: GenerateRequest,
  images: readonly PreparedImage[],
  history: readonly PreparedHistoryContent[],
): Promise<GeminiResponse> {
  const clientSignal = c.req.raw.signal;
  const release = await ctx.queue.acquire(record.tokenId, clientSignal);
  try {
    // The timeout runs from when the call may start, not from arrival: time spent queued is the proxy's doing.
    const timeoutMs = (model.timeoutSeconds[imageSize] ?? 120) * 1000 * ctx.config.timeoutScale;
    const parts = toParts(request, images);
    return await callWithRetries(
      (signal) =>
        ctx.gemini.generateImage({
          model: model.id,
          ...(history.length > 0 ? { history: history.map((h) => h.content) } : {}),
          parts,
          ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
          // Models without a size knob reject imageSize: only send it where the model has sizes.
          ...(model.imageSizes.length > 0 ? { imageSize } : {}),
          signal,
        }),
      {
        policy: ctx.config.retry,
        deadline: performance.now() + timeoutMs,
        signal: clientSignal,
        onAttempt: (n) => (record.attempts = n),
        onTimeout: () =>
          new ProxyError(
            'upstream_timeout',
            `Gemini did not answer within ${describeSeconds(timeoutMs / 1000)}. Try again, or use a smaller size.`,
          ),
      },
    );
  } finally {
    release();
  }
}

/** Input images first, in order, then the instruction (Google's examples put the text last, gemini-api.md §4b). */
function toParts(request: GenerateRequest, images: readonly PreparedImage[]): GeminiInputPart[] {
  return [
    ...images.map((image) => ({ inlineData: { data: image.base64, mimeType: image.mimeType } })),
    { text: request.prompt },
  ];
}

function describeSeconds(seconds: number): string {
  if (seconds >= 90) return `${Math.round(seconds / 60)} minutes`;
  const whole = Math.max(1, Math.round(seconds));
  return whole === 1 ? '1 second' : `${whole} seconds`;
}
