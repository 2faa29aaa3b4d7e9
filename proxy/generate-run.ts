/**
 * One `POST /v1/generate` request's bookkeeping, shared by the plain answer (routes/generate.ts) and the live one
 * (routes/generate-stream.ts): the usage row each step writes into, the call to Gemini and its pricing, and the end
 * that writes the row. Every request that got past authentication leaves exactly one usage row, whatever its
 * outcome, and the row's outcome is what the client was told.
 */
import type { Context } from 'hono';
import type { GenerateResponse } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { noteFault } from './fault-counts.js';
import type { GeneratePlan } from './generate-plan.js';
import { billedUsage, settledCostUsd } from './generate-pricing.js';
import { generateResponseOf } from './generate-response.js';
import type { ProxyError } from './proxy-error.js';
import type { UsageRecord } from './store/store.js';
import { toProxyError } from './to-proxy-error.js';
import { callUpstream, type LiveCall } from './upstream-call.js';

/** What the usage row will say, and what the request may cost; each step writes its result here, and only here. */
export interface GenerateRun {
  row: UsageRecord;
  started: number;
  estimateUsd: number;
  billedUsd: number;
  /** The prompt for the log line, when prompts are logged. */
  prompt: string | null;
}

export function startGenerateRun(ctx: AppContext, c: Context<AppEnv>): GenerateRun {
  const owner = c.get('owner');
  const who = { requestId: c.get('requestId'), tokenId: owner.id, tokenName: owner.name };
  return {
    row: { ...who, ...UNSETTLED, createdAt: ctx.clock.now() },
    started: performance.now(),
    estimateUsd: 0,
    billedUsd: 0,
    prompt: null,
  };
}

/** Calls Gemini for the planned request (streamed when `live`), prices the answer, and builds the body to send. */
export async function answerFromGeminiAsync(
  ctx: AppContext,
  c: Context<AppEnv>,
  run: GenerateRun,
  plan: GeneratePlan,
  live?: LiveCall,
): Promise<GenerateResponse> {
  const response = await callUpstream(ctx, c, plan, (attempt) => (run.row.attempts = attempt), live);
  const billed = billedUsage(plan.model, response);
  run.billedUsd = billed.costUsd;
  Object.assign(run.row, { inputTokens: billed.inputTokens, outputTokens: billed.outputTokens });
  const body = generateResponseOf(plan, response, billed);
  run.row.outcome = 'ok';
  return body;
}

/**
 * The error the request ends with, its code written into the row; what the call may cost rides on it, so the panel
 * can show it with the error.
 */
export function failGenerateRun(run: GenerateRun, error: unknown): ProxyError {
  const proxyError = toProxyError(error, run.row.requestId);
  run.row.outcome = proxyError.code;
  const costUsd = costOf(run);
  if (costUsd > 0) proxyError.mayHaveBilledUsd = costUsd;
  return proxyError;
}

/** Writes the row (a failure is counted, never the request's) and the request's log line fields. */
export async function endGenerateRunAsync(ctx: AppContext, c: Context<AppEnv>, run: GenerateRun): Promise<void> {
  const { row } = run;
  row.costUsd = costOf(run);
  row.latencyMs = performance.now() - run.started;
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
    ...(run.prompt !== null ? { prompt: run.prompt } : {}),
  });
}

function costOf(run: GenerateRun): number {
  const { outcome, attempts } = run.row;
  return settledCostUsd({ outcome, attempts, estimateUsd: run.estimateUsd, billedUsd: run.billedUsd });
}

/**
 * A usage row before anything is known: `internal_error` until the request ends some other way. Also the start of a
 * segmentation call's row (proxy/routes/segment.ts).
 */
export const UNSETTLED = {
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
