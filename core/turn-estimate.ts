/**
 * The cost estimate of a planned turn, before anything is exported: the request built from the plan with every
 * planned image present (empty bytes stand in for the exports), counted the way Gemini bills it and priced by
 * core/cost-estimate.ts. The estimate and the request come from one plan and one builder (core/turn-request.ts),
 * so they cannot drift apart.
 */
import { estimateCostRangeUsd, estimateCostUsd, type UsdRange } from './cost-estimate.js';
import type { ImageSize } from './models.js';
import type { TurnPlan } from './turn-plan.js';
import { requestInputOf, turnRequest, type RequestInput } from './turn-request.js';

/** What the estimate prices: the size asked for, and the request's input images and characters. */
export interface TurnEstimateInput extends RequestInput {
  imageSize: ImageSize;
}

const NO_BYTES = new Uint8Array(0);

/** The input a planned turn sends when every image it plans is exported. */
export function turnEstimateInputOf(plan: TurnPlan): TurnEstimateInput {
  const placeholders = plan.images.map((image) => ({ nodeId: image.nodeId, role: image.role, bytes: NO_BYTES }));
  return { imageSize: plan.imageSize, ...requestInputOf(turnRequest(plan, placeholders).request) };
}

/** Estimated US dollars for one call of the planned turn, or null without a plan or a price for its size. */
export function estimateTurnUsd(plan: TurnPlan | null): number | null {
  if (!plan) return null;
  const input = turnEstimateInputOf(plan);
  return estimateCostUsd(plan.model, input.imageSize, input.inputImages, input.promptChars);
}

/** The range one call of the planned turn may cost (its text and thinking vary), or null as {@link estimateTurnUsd}. */
export function estimateTurnRangeUsd(plan: TurnPlan | null): UsdRange | null {
  if (!plan) return null;
  const input = turnEstimateInputOf(plan);
  return estimateCostRangeUsd(plan.model, input.imageSize, input.inputImages, input.promptChars);
}

/** What a press costs in all: N variants are N calls, each billed. */
export function runEstimateUsdOf(single: number | null, variantCount: number): number | null {
  return single === null ? null : single * Math.max(1, variantCount);
}
