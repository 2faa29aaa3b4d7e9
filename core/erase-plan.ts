/**
 * The plan of an Erase press (ui/actions/erase.ts), as the panel's estimate prices it before the press: a regional
 * edit of the selected image through the shape, worded as a removal (core/erase-instruction.ts), never replayed.
 */
import { ERASE_PROMPT } from './erase-instruction.js';
import type { PublicModel } from './proxy-schema.js';
import type { RequestPlan } from './request-plan.js';
import type { Result } from './result.js';
import { planTurn, type TurnPlan } from './turn-plan.js';

/** The Erase tool as a turn record names it. */
export const ERASE_TOOL = { name: 'erase' } as const;

/** Erase's plan for this model and selection, or null when the selection is not a shape over an image. */
export function planErase(model: PublicModel | null, shape: Result<RequestPlan> | null): TurnPlan | null {
  if (!model || !shape?.ok || !shape.value.target || !shape.value.inputs.region) return null;
  return planTurn({ model, instruction: ERASE_PROMPT, shape: shape.value, chain: [], live: null, tool: ERASE_TOOL });
}
