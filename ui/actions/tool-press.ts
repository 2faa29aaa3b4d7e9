/**
 * What a one-click image tool's press works with (ui/components/matte-tools-row.tsx): the model and request plan as a
 * Generate press reads them (ui/actions/plan-press.ts), without a typed prompt, since the tool supplies its own words.
 */
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { AppState } from '../state.js';
import type { Press } from './plan-press.js';
import { pressedSelectionOf } from './pressed-selection.js';

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
  return ok({ model, prompt, shape: shape.value, pressed: pressedSelectionOf(state, shape.value) });
}

const SHAPE_FIRST = 'Draw a shape over the object to erase, then select the shape (or the shape and its image).';
const IMAGE_FIRST = 'Select one image or frame first.';
const NO_SHAPE = 'Select the image alone (without a shape) to remove its background.';
