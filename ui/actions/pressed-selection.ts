/**
 * What the canvas looked like when Generate was pressed, sent with each result so the sandbox can keep the designer
 * in control (core/pressed-selection.ts): the selected layers' ids, and the source's name and box on the page, where
 * its answer still goes should the source be deleted while Gemini works; and whether the person chose Apply in place.
 */
import type { RequestPlan } from '../../core/request-plan.js';
import type { UiMessageOf } from '../../core/messages.js';
import { appliesInPlace } from '../apply-in-place-offered.js';
import type { AppState } from '../state.js';

/** The PLACE_RESULT fields that carry the press. */
export type PressedSelection = Pick<UiMessageOf<'PLACE_RESULT'>, 'pressedSelection' | 'pressedSource' | 'applyInPlace'>;

/** Read at the press (synchronously, before anything is awaited), from the selection and the request plan. */
export function pressedSelectionOf(state: AppState, shape: RequestPlan): PressedSelection {
  // A selection longer than the snapshots the panel gets (core/sandbox-messages.ts) never equals these ids, so then
  // the selection is left alone: the cautious side.
  const selectedIds = state.selection.peek().map((node) => node.id);
  const target = shape.target;
  const box = target?.box;
  return {
    pressedSelection: selectedIds,
    ...(target && box && box.width > 0 && box.height > 0 ? { pressedSource: { name: target.name, box } } : {}),
    ...(appliesInPlace(state) ? { applyInPlace: true } : {}),
  };
}
