/**
 * The last batch's request, held in the panel's memory so Retry and Regenerate (ui/actions/retry-variants.ts) send
 * the very request the batch sent, exported inputs included, without exporting again. One batch per panel, the
 * last; gone when the panel closes, never written to the file (it holds image bytes). Kept apart from the state's
 * signals: nothing renders it.
 */
import type { GenerateRequest } from '../../core/proxy-schema.js';
import type { AppState } from '../state.js';
import type { Placement } from './place-answer.js';
import type { PressedSelection } from './pressed-selection.js';

/** What a batch's calls were made of. */
export interface HeldBatch {
  /** The batch id its records carry (`variant.batch`). */
  batchId: string;
  count: number;
  /** The request every call of the batch sent, before its `variant` index. */
  request: GenerateRequest;
  placement: Placement;
  /** The source as it was at the press (where an answer goes if it is deleted). */
  pressed: PressedSelection;
  /** What one call was estimated to cost at the press, or null when it could not be estimated. */
  callEstimateUsd: number | null;
}

const held = new WeakMap<AppState, HeldBatch>();

/** Holds `batch` as the panel's last batch, in place of the one before. */
export function holdBatch(state: AppState, batch: HeldBatch): void {
  held.set(state, batch);
}

/** The held batch with id `batchId`, or null when another (or none) is held. */
export function heldBatchOf(state: AppState, batchId: string): HeldBatch | null {
  const batch = held.get(state);
  return batch && batch.batchId === batchId ? batch : null;
}
