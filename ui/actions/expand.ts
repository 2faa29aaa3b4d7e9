/**
 * Expand (docs/image-tools.md#expand): one click grows the selected image or frame to a preset ratio, a typed size,
 * or the empty frame drawn around it. The source is exported at its scale (lowered only to keep the canvas within
 * 4096 px), padded with flat white to the call's ratio and sent once with the Expand instruction; the answer is cut
 * to the canvas and the export copied back over it, so every pixel of the original is the export's, byte for byte
 * (core/expand-composite.ts). The result is a new layer the size of the canvas, beside the source; for a frame with
 * text and Keep text editable on, the picture is made with the text hidden and the text stays live on top, in its
 * place on the original content.
 */
import { estimateCostRangeUsd, estimateCostUsd, type UsdRange } from '../../core/cost-estimate.js';
import { keepTextApplies } from '../../core/edit-inputs.js';
import { appError } from '../../core/errors.js';
import { compositeExpand, expandLayout, expandSendImage } from '../../core/expand-composite.js';
import { EXPAND_PRESETS, planExpand, type ExpandPlan, type ExpandTarget } from '../../core/expand-plan.js';
import { expandSourceOf, type ExpandSource } from '../../core/expand-selection.js';
import { tabledPixels } from '../../core/models.js';
import type { PlacedResult } from '../../core/messages.js';
import type { PublicModel } from '../../core/models-response.js';
import { PngError, type RgbaImage } from '../../core/png.js';
import { fail, ok, type Result } from '../../core/result.js';
import { expandInstruction } from '../../core/tool-instructions.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { AppState } from '../state.js';
import type { AppDeps } from './deps.js';
import type { Run } from './run.js';
import { callToolAsync, placeToolAsync, runToolAsync, type ToolCall } from './tool-call.js';
import { createTurnExports } from './turn-exports.js';

/** An Expand ready to press: what it grows, its plan and what one call may cost. */
export interface ExpandPress {
  from: ExpandSource;
  model: PublicModel;
  plan: ExpandPlan;
  estimateUsd: number | null;
  rangeUsd: UsdRange | null;
}

/** The target the section's choice means for this selection. */
export function expandTargetOf(state: AppState, from: ExpandSource): Result<ExpandTarget> {
  const { frame, source } = from;
  if (frame?.box && source.box) return ok({ kind: 'frame', frame: frame.box, image: source.box });
  const tools = state.expandBoost;
  const choice = tools.expandChoice.value;
  if (choice !== 'size') {
    const preset = EXPAND_PRESETS.find((p) => p.label === choice) ?? EXPAND_PRESETS[0]!;
    return ok(preset.target);
  }
  const width = Number(tools.typedWidth.value);
  const height = Number(tools.typedHeight.value);
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    return fail(appError('bad_request', 'Type the new width and height in points, e.g. 1600 × 900.'));
  }
  return ok({ kind: 'size', width, height });
}

/** What Expand would do now, or why it cannot; null when the selection offers no Expand. Reads signals. */
export function expandPressOf(state: AppState): Result<ExpandPress> | null {
  // A shape drawn over the image marks a region (Erase, a regional edit): Expand is not what it asks for.
  if (state.editInputs.value.region) return null;
  const from = expandSourceOf(state.selection.value, state.target.value);
  const model = state.model.value;
  if (!from || !model) return null;
  const target = expandTargetOf(state, from);
  if (!target.ok) return target;
  const { source } = from;
  const planned = planExpand({ ...source, exportScale: source.exportScale ?? 2 }, target.value, model);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const chars = expandInstruction().length;
  return ok({
    from,
    model,
    plan,
    estimateUsd: estimateCostUsd(model, plan.imageSize, 1, chars),
    rangeUsd: estimateCostRangeUsd(model, plan.imageSize, 1, chars),
  });
}

/** Expand, pressed: runs unless a run is under way; refusals end as the panel's error. */
export async function expandAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = expandPressOf(state);
  if (!press) return;
  if (!press.ok) {
    state.error.value = press.error;
    return;
  }
  const pressedIds = state.selection.peek().map((node) => node.id);
  await runToolAsync(deps, 'expand', press.value.estimateUsd, (run) =>
    runExpandAsync(deps, run, press.value, pressedIds),
  );
}

async function runExpandAsync(
  deps: AppDeps,
  run: Run,
  press: ExpandPress,
  pressedIds: string[],
): Promise<Result<PlacedResult>> {
  const { plan, from } = press;
  const codec = deps.pixels ?? pureCodec;
  const exports = createTurnExports(deps);
  // Keep text editable, as an edit does (plugin/place-live-text-result.ts): the picture without its text, the text
  // kept live on top of the expanded image.
  const liveText = keepTextApplies(from.source, deps.state.precision.keepText.peek());
  const exported = await exports.sourceAsync({
    nodeId: from.source.id,
    scale: plan.scale,
    hideText: liveText,
    hideNodeIds: [],
  });
  if (!exported.ok) return exported;
  let source: RgbaImage;
  try {
    source = await codec.decodeExact(exported.value.bytes);
  } catch (thrown) {
    if (!(thrown instanceof PngError)) throw thrown;
    return fail(appError('unsupported_image', 'Figma’s export of the layer could not be read. Try again.'));
  }
  const layout = expandLayout(plan, source.width, source.height);
  const tabled = tabledPixels(press.model, plan.imageSize, plan.aspectRatio);
  const sendWidth = Math.min(layout.sent.width, tabled?.[0] ?? layout.sent.width);
  const sendHeight = Math.max(1, Math.round((sendWidth * layout.sent.height) / layout.sent.width));
  const padded = await codec.encodeExact(expandSendImage(source, layout, sendWidth, sendHeight));
  const fitted = await exports.fitAsync(padded);
  if (!fitted.ok) return fitted;
  const { aspectRatio, imageSize } = plan;
  const call: ToolCall = {
    model: press.model.id,
    prompt: expandInstruction(),
    image: fitted.value,
    aspectRatio,
    imageSize,
  };
  const called = await callToolAsync(deps, run, call);
  if (!called.ok) return called;
  const answer = await codec.decodePatch(called.value.bytes, layout.sent.width, layout.sent.height);
  if (!answer.ok) return answer;
  const image = await codec.encodeExact(compositeExpand(source, answer.value, layout));
  return placeToolAsync(deps, run, image, called.value.answer, {
    source: from.source,
    pressedIds,
    call,
    tool: { name: 'expand', canvas: plan.canvas, original: plan.original },
    size: plan.canvas,
    liveText,
  });
}
