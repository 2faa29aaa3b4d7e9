/**
 * `POST /v1/generate`: one image per call (variants are parallel calls: docs/variants.md). The handler runs the
 * steps in order, each returning its value: validate and plan (`generate-plan.ts`); answer from the cache when the
 * same request was answered before (free, but a request: `answer-cache.ts`); reserve the request against the
 * person's limits (`reserve-request.ts`); wait for a fair share of the upstream slots and call Gemini with retries
 * inside the model's timeout (`upstream-call.ts`); price the answer from `usageMetadata` (`generate-pricing.ts`);
 * cache it.
 * Every request that got past authentication leaves exactly one usage row, whatever its outcome; the handler alone
 * writes it, from what the steps returned.
 *
 * Live replay (docs/live-replay.md): a request may carry `history`, the earlier user and model contents of a
 * conversation, sent before the new user turn with every part as given; the cache key covers it. With
 * `returnModelTurn` the answer carries the model's content (`modelTurn`) so the panel can replay it next time.
 */
import type { Context } from 'hono';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { answerFromCache, cacheAnswer } from '../answer-cache.js';
import { planCacheKey } from '../plan-cache-key.js';
import { noteFault } from '../fault-counts.js';
import { checkCapabilities, readGenerateRequest, resolveModel } from '../generate-input.js';
import { plannedReservation, preparedInputs, refuseUnreachable, type GeneratePlan } from '../generate-plan.js';
import { billedUsage, estimateUsdOf, settledCostUsd } from '../generate-pricing.js';
import { generateResponseOf } from '../generate-response.js';
import { truncatePrompt } from '../logger.js';
import { ProxyError } from '../proxy-error.js';
import { reserveRequest } from '../reserve-request.js';
import type { UsageRecord } from '../store/store.js';
import { toProxyError } from '../to-proxy-error.js';
import { callUpstream } from '../upstream-call.js';

export function generateHandler(ctx: AppContext) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const started = performance.now();
    const owner = c.get('owner');
    const who = { requestId: c.get('requestId'), tokenId: owner.id, tokenName: owner.name };
    // What the usage row will say; each step's result is written into it here, and only here.
    const row: UsageRecord = { ...who, ...UNSETTLED, createdAt: ctx.clock.now() };
    let estimateUsd = 0;
    let billedUsd = 0;
    let prompt: string | null = null;
    try {
      const request = await readGenerateRequest(c);
      if (ctx.config.logPrompts) prompt = truncatePrompt(request.prompt);
      const model = resolveModel(ctx.registry, request);
      row.model = model.id;
      refuseUnreachable(ctx, model);
      row.aspectRatio = request.aspectRatio ?? null;
      const imageSize = checkCapabilities(model, request);
      row.imageSize = imageSize;
      const plan: GeneratePlan = { request, model, imageSize, ...preparedInputs(ctx, request) };
      row.inputImages = plan.inputImages;
      const planned = plannedReservation(plan, who);

      const key = planCacheKey(ctx, owner.id, plan);
      const hit = key ? await answerFromCache(ctx, c, key, planned) : null;
      if (hit) {
        Object.assign(row, { outcome: 'ok', cached: true, savedUsd: hit.savedUsd });
        return c.json(hit.body);
      }

      estimateUsd = estimateUsdOf(plan);
      await reserveRequest(ctx, planned, estimateUsd);
      const response = await callUpstream(ctx, c, plan, (attempt) => (row.attempts = attempt));
      const billed = billedUsage(model, response);
      billedUsd = billed.costUsd;
      Object.assign(row, { inputTokens: billed.inputTokens, outputTokens: billed.outputTokens });
      const body = generateResponseOf(plan, response, billed);
      if (key) await cacheAnswer(ctx, c, key, body);
      row.outcome = 'ok';
      return c.json(body);
    } catch (error) {
      row.outcome = toProxyError(error, row.requestId).code;
      const costUsd = settledCostUsd({ outcome: row.outcome, attempts: row.attempts, estimateUsd, billedUsd });
      // Say what the call may cost even though it failed: the panel shows it with the error.
      if (error instanceof ProxyError && costUsd > 0) error.mayHaveBilledUsd = costUsd;
      throw error;
    } finally {
      row.costUsd = settledCostUsd({ outcome: row.outcome, attempts: row.attempts, estimateUsd, billedUsd });
      row.latencyMs = performance.now() - started;
      await settleUsage(ctx, c, row, prompt);
    }
  };
}

/** A usage row before anything is known: `internal_error` until the request ends some other way. */
const UNSETTLED = {
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
} satisfies Omit<UsageRecord, 'requestId' | 'tokenId' | 'tokenName' | 'createdAt'>;

/** Writes the row (a failure is counted, never the request's) and the request's log line fields. */
async function settleUsage(ctx: AppContext, c: Context<AppEnv>, row: UsageRecord, prompt: string | null) {
  try {
    await ctx.store.recordUsage(row);
  } catch (error) {
    noteFault(ctx.faults, c, 'usageWriteFailed', error, ctx.config.secrets);
  }
  c.set('logFields', {
    ...c.get('logFields'),
    ...(row.model ? { model: row.model } : {}),
    ...(row.imageSize ? { imageSize: row.imageSize } : {}),
    outcome: row.outcome,
    costUsd: row.costUsd,
    cached: row.cached,
    attempts: row.attempts,
    ...(prompt !== null ? { prompt } : {}),
  });
}
