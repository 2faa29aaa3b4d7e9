/**
 * What a one-click image tool's press works with (ui/components/matte-tools-row.tsx): the model and request plan as a
 * Generate press reads them (ui/actions/plan-press.ts), without a typed prompt, since the tool supplies its own words,
 * and Apply in place as the Image tools card's tick says (ui/components/tools-in-place.tsx), not the dock's.
 */
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import { applyInPlaceOffered } from '../apply-in-place-offered.js';
import type { RequestPlan } from '../../core/request-plan.js';
import type { AppState } from '../state.js';
import type { Press } from './plan-press.js';
import { pressedSelectionOf, type PressedSelection } from './pressed-selection.js';

/** Whether the tool needs a shape over the image (Erase), refuses one (Remove background), or takes either. */
export type ShapeRule = 'needed' | 'none' | 'either';

/** The press of a tool on the one selected image or frame, with a shape over it as `rule` says. */
export function readyForTool(state: AppState, prompt: string, rule: ShapeRule): Result<Press> {
  const model = state.model.peek();
  const shape = state.plan.peek();
  if (!model)
    return fail(appError('unknown_model', 'No model is available. Check the proxy URL and token in Settings.'));
  if (!shape || !shape.ok || !shape.value.target || state.mode.peek() !== 'edit') {
    return fail(appError('bad_request', rule === 'needed' ? SHAPE_FIRST : IMAGE_FIRST));
  }
  const hasShape = shape.value.inputs.region !== null;
  if (rule === 'needed' && !hasShape) return fail(appError('bad_request', SHAPE_FIRST));
  if (rule === 'none' && hasShape) return fail(appError('bad_request', NO_SHAPE));
  return ok({ model, prompt, shape: shape.value, pressed: toolPressed(state, shape.value) });
}

/** The press's selection, with Apply in place when the Image tools' tick is on for the target. */
function toolPressed(state: AppState, shape: RequestPlan): PressedSelection {
  const pressed = { ...pressedSelectionOf(state, shape) };
  delete pressed.applyInPlace;
  const target = shape.target;
  const ticked = applyInPlaceOffered(target, 1) && state.expandBoost.inPlaceFor.peek() === target.id;
  return ticked ? { ...pressed, applyInPlace: true } : pressed;
}

const SHAPE_FIRST = 'Draw a shape over the object to erase, then select the shape (or the shape and its image).';
const IMAGE_FIRST = 'Select one image or frame first.';
const NO_SHAPE = 'Select the image alone (without a shape) to remove its background.';
