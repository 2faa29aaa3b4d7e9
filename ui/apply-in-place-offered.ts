/**
 * When the panel offers "Apply in place" (ui/components/apply-in-place.tsx) and when a press uses it: only for a
 * layer that shows exactly an image (its snapshot has an `imageHash`, core/node-snapshot.ts) with no text on it, and
 * one result at a time. The tick belongs to the layer it was given for, so selecting another layer never carries it
 * over.
 */
import type { NodeSnapshot } from '../core/node-snapshot.js';
import type { AppState } from './state.js';

/** Whether Apply in place can be offered for an edit of `target` making `variantCount` results. */
export function applyInPlaceOffered(target: NodeSnapshot | null, variantCount: number): target is NodeSnapshot {
  return target !== null && target.imageHash !== undefined && !target.hasText && variantCount <= 1;
}

/** Whether a press now applies in place: offered, and ticked for this very layer. */
export function appliesInPlace(state: AppState): boolean {
  const target = state.target.peek();
  return applyInPlaceOffered(target, state.variants.count.peek()) && state.applyInPlaceFor.peek() === target.id;
}
