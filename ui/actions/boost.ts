/**
 * Boost resolution (docs/image-tools.md#boost-resolution): one click re-renders the selected image at 2K or 4K with
 * an instruction to keep every detail (core/tool-instructions.ts). The image is sent at its own pixels; the answer is
 * cropped to the layer's ratio and kept within 4096 px (ui/image/fit-plan.ts), and placed at the layer's size in
 * points, beside it or, with the Image tools' Apply in place, into its image fill (plugin/apply-in-place.ts). The pixel sizes before
 * and after are shown before the press and kept in the turn record.
 */
import { applyInPlaceOffered } from '../apply-in-place-offered.js';
import { planBoost, type BoostPlan } from '../../core/boost-plan.js';
import { estimateCostRangeUsd, estimateCostUsd, type UsdRange } from '../../core/cost-estimate.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../../core/export-plan.js';
import { fitWithin } from '../../core/cover-crop.js';
import type { PlacedResult } from '../../core/messages.js';
import type { NodeSnapshot } from '../../core/node-snapshot.js';
import type { PublicModel } from '../../core/models-response.js';
import type { Result } from '../../core/result.js';
import { boostInstruction } from '../../core/tool-instructions.js';
import type { BoostBefore } from '../expand-boost-state.js';
import type { AppState } from '../state.js';
import type { AppDeps } from './deps.js';
import type { Run } from './run.js';
import { callToolAsync, placeToolAsync, runToolAsync, type ToolCall } from './tool-call.js';
import { createTurnExports } from './turn-exports.js';

/** A Boost ready to press. */
export interface BoostPress {
  target: NodeSnapshot;
  model: PublicModel;
  plan: BoostPlan;
  estimateUsd: number | null;
  rangeUsd: UsdRange | null;
  /** Apply in place is offered for this layer (an image layer with no text on it). */
  inPlaceOffered: boolean;
}

/** The one selected image or frame Boost works on, or null. */
export function boostTargetOf(state: AppState): NodeSnapshot | null {
  const target = state.target.value;
  // A shape over the image marks a region (Erase, a regional edit), not a layer to boost.
  if (state.editInputs.value.region) return null;
  return state.selectionCount.value === 1 && target && target.width > 0 && target.height > 0 ? target : null;
}

/** Whether `before` was read for `target` as it is now. */
function beforeFits(before: BoostBefore | null, target: NodeSnapshot): before is BoostBefore {
  return before !== null && before.nodeId === target.id && before.imageHash === (target.imageHash ?? null);
}

/** What Boost would do now, or why it cannot; null while there is nothing to boost or its pixels are unread. */
export function boostPressOf(state: AppState): Result<BoostPress> | null {
  const target = boostTargetOf(state);
  const model = state.model.value;
  const before = state.expandBoost.boostBefore.value;
  if (!target || !model || !beforeFits(before, target)) return null;
  const points = { width: target.width, height: target.height };
  const planned = planBoost({ name: target.name, points, before }, model, state.expandBoost.boostSize.value);
  if (!planned.ok) return planned;
  const chars = boostInstruction().length;
  const size = planned.value.chosen.imageSize;
  return {
    ok: true,
    value: {
      target,
      model,
      plan: planned.value,
      estimateUsd: estimateCostUsd(model, size, 1, chars),
      rangeUsd: estimateCostRangeUsd(model, size, 1, chars),
      inPlaceOffered: applyInPlaceOffered(target, 1),
    },
  };
}

/**
 * Reads the pixels of the layer Boost would work on, unless known: its image's own (READ_IMAGE_PIXELS), or for a
 * layer that shows no single image what it exports at its scale.
 */
export async function readBoostBeforeAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  const target = boostTargetOf(state);
  if (!target || beforeFits(state.expandBoost.boostBefore.peek(), target)) return;
  const read = target.imageHash ? await deps.bridge.request('READ_IMAGE_PIXELS', { nodeId: target.id }) : null;
  const scale = target.exportScale ?? 2;
  const exported = fitWithin(Math.round(target.width * scale), Math.round(target.height * scale), MAX_FIGMA_IMAGE_SIDE);
  const pixels = read?.ok && read.value ? read.value : exported;
  state.expandBoost.boostBefore.value = { nodeId: target.id, imageHash: target.imageHash ?? null, ...pixels };
}

/** Boost resolution, pressed: runs unless a run is under way; a refusal ends as the panel's error. */
export async function boostAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = boostPressOf(state);
  if (!press) return;
  if (!press.ok) {
    state.error.value = press.error;
    return;
  }
  const inPlace = press.value.inPlaceOffered && state.expandBoost.inPlaceFor.peek() === press.value.target.id;
  const pressedIds = state.selection.peek().map((node) => node.id);
  await runToolAsync(deps, 'boost', press.value.estimateUsd, (run) =>
    runBoostAsync(deps, run, press.value, pressedIds, inPlace),
  );
}

async function runBoostAsync(
  deps: AppDeps,
  run: Run,
  press: BoostPress,
  pressedIds: string[],
  applyInPlace: boolean,
): Promise<Result<PlacedResult>> {
  const { target, plan } = press;
  const exports = createTurnExports(deps);
  // The image at its own pixels: the layer exported at the image's pixels per point (within 4096 px and 16×).
  const scale = Math.min(
    16,
    plan.before.width / target.width,
    MAX_FIGMA_IMAGE_SIDE / Math.max(target.width, target.height),
  );
  const exported = await exports.sourceAsync({ nodeId: target.id, scale, hideText: false, hideNodeIds: [] });
  if (!exported.ok) return exported;
  const fitted = await exports.fitAsync(exported.value.bytes);
  if (!fitted.ok) return fitted;
  const { imageSize, after } = plan.chosen;
  const call: ToolCall = {
    model: press.model.id,
    prompt: boostInstruction(),
    image: fitted.value,
    aspectRatio: plan.aspectRatio,
    imageSize,
  };
  const called = await callToolAsync(deps, run, call);
  if (!called.ok) return called;
  const { answer, bytes } = called.value;
  const frame = { width: target.width, height: target.height, scale: after.width / target.width };
  const image = await deps.fitImage(bytes, answer.image.mimeType, frame);
  if (!image.ok) return image;
  return placeToolAsync(deps, run, image.value.bytes, answer, {
    source: target,
    pressedIds,
    call,
    tool: {
      name: 'boost',
      pixelsBefore: { width: plan.before.width, height: plan.before.height },
      pixelsAfter: { width: image.value.width, height: image.value.height },
    },
    applyInPlace,
  });
}
