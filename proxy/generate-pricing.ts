/**
 * The pricing step of `POST /v1/generate`: what a request is expected to cost before the call (held against the
 * monthly budget), what Gemini's answer costs by its `usageMetadata`, and what the settled usage row says it cost,
 * by how the request ended.
 */
import { costModelOf, estimateCostUsd } from '../core/cost-estimate.js';
import { costUsd } from '../core/models.js';
import { historyTextChars } from './prepared-history.js';
import type { GeneratePlan } from './generate-plan.js';
import type { GeminiResponse } from './gemini-port.js';

/**
 * Outcomes after which Gemini may still bill: the SDK's abort does not stop the call server-side
 * (docs/gemini-platform.md#sdk-errors).
 */
const MAYBE_BILLED = new Set(['cancelled', 'upstream_timeout']);

/** The estimate a reservation holds: every input image, replayed ones too, and every character of text. */
export function estimateUsdOf(plan: GeneratePlan): number {
  const chars = plan.request.prompt.length + historyTextChars(plan.request);
  return estimateCostUsd(costModelOf(plan.model), plan.imageSize, plan.inputImages, chars) ?? 0;
}

/** Tokens and cost of an answer as Google bills it. */
export interface BilledUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
}

export function billedUsage(model: GeneratePlan['model'], response: GeminiResponse): BilledUsage {
  const inputTokens = response.usage.promptTokens;
  const totalTokens = Math.max(response.usage.totalTokens, inputTokens);
  // Output counts the image, the answer's text and the thinking; costUsd prices each at its own rate.
  return { inputTokens, outputTokens: totalTokens - inputTokens, totalTokens, costUsd: costUsd(model, response.usage) };
}

/** How a request ended, as far as its cost goes. */
export interface CostFacts {
  outcome: string;
  /** Upstream calls made; 0 when the request never reached Gemini. */
  attempts: number;
  estimateUsd: number;
  /** What Gemini's answer costs, when one arrived; else 0. */
  billedUsd: number;
}

/**
 * What the usage row says a request cost: a blocked image is not billed
 * (docs/gemini-platform.md#blocked-and-failed-answers); a call abandoned or timed out after it reached Gemini keeps
 * its estimate, since Google may still bill it; anything else is billed as Gemini's answer says (nothing when no
 * answer came).
 */
export function settledCostUsd(facts: CostFacts): number {
  if (facts.outcome === 'safety_blocked') return 0;
  if (MAYBE_BILLED.has(facts.outcome) && facts.attempts > 0) return facts.estimateUsd;
  return facts.billedUsd;
}
