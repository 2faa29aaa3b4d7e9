/**
 * `POST /v1/generate`: one image per call (variants are parallel calls: docs/variants.md). The handler runs the
 * steps in order, each returning its value: validate and plan (`generate-plan.ts`); answer from the cache when the
 * same request was answered before (free, but a request: `answer-cache.ts`); reserve the request against the
 * person's limits (`reserve-request.ts`); wait for a fair share of the upstream slots and call Gemini with retries
 * inside the model's timeout (`upstream-call.ts`); price the answer from `usageMetadata` (`generate-pricing.ts`);
 * cache it.
 * Every request that got past authentication leaves exactly one usage row, whatever its outcome, written from what
 * the steps returned (`generate-run.ts`).
 *
 * Live previews (docs/proxy-api.md#live-previews): with `Accept: text/event-stream` the same request, once past
 * validation, the cache and the limits, is answered as server-sent events (`generate-stream.ts`).
 *
 * Live replay (docs/live-replay.md): a request may carry `history`, the earlier user and model contents of a
 * conversation, sent before the new user turn with every part as given; the cache key covers it. With
 * `returnModelTurn` the answer carries the model's content (`modelTurn`) so the panel can replay it next time.
 */
import type { Context } from 'hono';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { answerFromCache, cacheAnswer } from '../answer-cache.js';
import {
  answerFromGeminiAsync,
  endGenerateRunAsync,
  failGenerateRun,
  startGenerateRun,
  type GenerateRun,
} from '../generate-run.js';
import { planCacheKey } from '../plan-cache-key.js';
import { checkCapabilities, readGenerateRequest, resolveModel } from '../generate-input.js';
import { plannedReservation, preparedInputs, refuseUnreachable, type GeneratePlan } from '../generate-plan.js';
import { estimateUsdOf } from '../generate-pricing.js';
import { truncatePrompt } from '../logger.js';
import { ProxyError } from '../proxy-error.js';
import { reserveRequest } from '../reserve-request.js';
import { streamCachedAnswer, streamGeminiAnswer, wantsEventStream } from './generate-stream.js';

export function generateHandler(ctx: AppContext) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const run = startGenerateRun(ctx, c);
    const { row } = run;
    const live = wantsEventStream(c);
    // The live answer ends the run itself, when its stream ends.
    let handedOff = false;
    try {
      const plan = await planRequestAsync(ctx, c, run);
      const planned = plannedReservation(plan, {
        requestId: row.requestId,
        tokenId: row.tokenId,
        tokenName: row.tokenName,
      });

      const key = planCacheKey(ctx, c.get('owner').id, plan);
      const hit = key ? await answerFromCache(ctx, c, key, planned) : null;
      if (hit) {
        Object.assign(row, { outcome: 'ok', cached: true, savedUsd: hit.savedUsd });
        return live ? streamCachedAnswer(c, hit.body) : c.json(hit.body);
      }

      run.estimateUsd = estimateUsdOf(plan);
      await reserveRequest(ctx, planned, run.estimateUsd);
      if (live) {
        handedOff = true;
        return streamGeminiAnswer(ctx, c, run, plan, key);
      }
      const body = await answerFromGeminiAsync(ctx, c, run, plan);
      if (key) await cacheAnswer(ctx, c, key, body);
      return c.json(body);
    } catch (error) {
      const proxyError = failGenerateRun(run, error);
      // Anything else goes to `app.onError` as it is, so an unexpected error is logged with its stack.
      throw error instanceof ProxyError ? proxyError : error;
    } finally {
      if (!handedOff) await endGenerateRunAsync(ctx, c, run);
    }
  };
}

/** Reads, validates and plans the request, writing each fact into the row as soon as it is known. */
async function planRequestAsync(ctx: AppContext, c: Context<AppEnv>, run: GenerateRun): Promise<GeneratePlan> {
  const { row } = run;
  const request = await readGenerateRequest(c);
  if (ctx.config.logPrompts) run.prompt = truncatePrompt(request.prompt);
  const model = resolveModel(ctx.registry, request);
  row.model = model.id;
  refuseUnreachable(ctx, model);
  row.aspectRatio = request.aspectRatio ?? null;
  const imageSize = checkCapabilities(model, request);
  row.imageSize = imageSize;
  const plan: GeneratePlan = { request, model, imageSize, ...preparedInputs(ctx, request) };
  row.inputImages = plan.inputImages;
  return plan;
}
