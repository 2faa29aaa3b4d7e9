/**
 * Remove background and Isolate object (docs/image-tools.md): the source's own pixels with a true alpha
 * channel. The source is exported at its export scale and the matte made one of two ways (core/cut-out-method.ts):
 * Gemini's segmentation masks from `POST /v1/segment` (core/matte-alpha.ts), or, when no segmentation model answers,
 * two renders of the image model on white and on black (ui/actions/cut-out-renders.ts). Either way the alpha goes
 * over the export's untouched pixels (core/apply-matte.ts): where the subject is opaque every byte is the export's,
 * the background's alpha is 0, the edge soft. The cut-out is a new layer beside the source (or applied in place), one
 * undo step, with a turn record whose `tool` says how it was made. A failure or Cancel ends the run with nothing
 * placed.
 */
import { applyMatte } from '../../core/apply-matte.js';
import { formatUsd } from '../../core/cost-estimate.js';
import { appError, type AppError } from '../../core/errors.js';
import type { MatteMethod } from '../../core/image-tool.js';
import { cutOutPrompt, cutOutTool, renderKeepOf, type CutOut } from '../../core/matte-tool.js';
import type { NodeSnapshot, PlacedResult } from '../../core/messages.js';
import { fail, type Result } from '../../core/result.js';
import { cutOutOfferOf, renderModelOf } from '../cut-out-offer.js';
import { pureCodec } from '../image/pixel-codec.js';
import { twoRenderMatteAsync, type MadeMatte } from './cut-out-renders.js';
import { segmentMatteAsync } from './cut-out-segment.js';
import type { AppDeps } from './deps.js';
import type { Press } from './plan-press.js';
import { startRun, type Run } from './run.js';
import { readyForTool } from './tool-press.js';
import { createTurnExports } from './turn-exports.js';

/** Runs the cut-out on the selected image unless a run is under way. Resolves when it has ended. */
export async function cutOutAsync(deps: AppDeps, cut: CutOut): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = readyForTool(state, cutOutPrompt(cut), cut.name === 'remove-background' ? 'none' : 'either');
  const problem = !press.ok ? press.error : cutOutProblem(cut);
  const keep = press.ok ? renderKeepOf(cut, press.value.shape.target!) : null;
  const offer = keep ? cutOutOfferOf(state, keep) : null;
  if (problem || !press.ok || !offer) {
    state.error.value =
      problem ?? appError('model_unavailable', 'This proxy offers no model to cut out with. Ask your admin.');
    return;
  }
  const run = startRun(deps, 'exporting', undefined, offer.estimateUsd);
  const outcome = await cutOutTurnAsync(deps, run, press.value, cut, offer.method);
  run.end(() => {
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = outcome.error;
  });
}

function cutOutProblem(cut: CutOut) {
  if (cut.name === 'isolate' && !cut.object.trim() && !cut.shape) {
    return appError('bad_request', 'Name the object to keep ("the mug"), or draw a shape over it.');
  }
  return null;
}

async function cutOutTurnAsync(
  deps: AppDeps,
  run: Run,
  press: Press,
  cut: CutOut,
  method: MatteMethod,
): Promise<Result<PlacedResult>> {
  const target = press.shape.target!;
  const codec = deps.pixels ?? pureCodec;
  const shapeId = press.shape.inputs.region?.id;
  const exported = await createTurnExports(deps).sourceAsync({
    nodeId: target.id,
    scale: press.shape.exportScale,
    hideText: false,
    hideNodeIds: shapeId ? [shapeId] : [],
  });
  if (!exported.ok) return exported;
  const source = await codec.decodeExact(exported.value.bytes);
  if (run.signal.aborted) return fail(appError('cancelled'));
  const renderModel = renderModelOf(deps.state);
  const made =
    method === 'segmentation'
      ? await segmentMatteAsync(deps, run, source, cut, target)
      : renderModel
        ? await twoRenderMatteAsync(deps, run, source, renderModel, renderKeepOf(cut, target))
        : fail(appError('unknown_model', 'No image model is available. Check the proxy URL and token in Settings.'));
  if (!made.ok) return method === 'segmentation' ? fail(segmentationGone(deps, cut, target, made.error)) : made;
  return placeCutOutAsync(deps, run, press, cut, method, source, made.value);
}

/**
 * A segmentation model the proxy's key cannot reach (410 `model_unavailable` at the press): the panel moves to two
 * renders, and says so with their price, so nothing is run at a price the designer was not shown.
 */
function segmentationGone(deps: AppDeps, cut: CutOut, target: NodeSnapshot, error: AppError): AppError {
  if (error.code !== 'model_unavailable') return error;
  const { state } = deps;
  state.matte.segmentation.value = null;
  const offer = cutOutOfferOf(state, renderKeepOf(cut, target));
  const tool = cut.name === 'remove-background' ? 'Remove background' : 'Isolate object';
  const price = offer?.estimateUsd != null ? ` (≈ ${formatUsd(offer.estimateUsd)})` : '';
  const next = offer
    ? `${tool} now uses two renders${price}. Press again to run it.`
    : 'No image model is offered either: ask your admin.';
  return appError(
    'model_unavailable',
    `Segmentation is not available on this proxy's key; ${next} Nothing was billed.`,
  );
}

async function placeCutOutAsync(
  deps: AppDeps,
  run: Run,
  press: Press,
  cut: CutOut,
  method: MatteMethod,
  source: Parameters<typeof applyMatte>[0],
  made: MadeMatte,
): Promise<Result<PlacedResult>> {
  const target = press.shape.target!;
  const cutOut = await (deps.pixels ?? pureCodec).encodeExact(applyMatte(source, made.alpha));
  if (run.signal.aborted) return fail(appError('cancelled'));
  run.step('placing');
  deps.state.historyCurrent.value = false;
  return deps.bridge.request('PLACE_RESULT', {
    image: cutOut,
    sourceNodeId: target.id,
    ...press.pressed,
    turn: {
      prompt: press.prompt,
      model: made.model,
      params: made.params,
      inputs: [{ nodeId: target.id, role: 'base', hash: made.sentHash }],
      tool: cutOutTool(cut, method),
      usage: made.usage,
    },
  });
}
