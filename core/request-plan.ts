/**
 * What one Generate press asks for: for an edit, the ratio and size come from the frame (nearest
 * supported ratio, smallest size covering the frame at its export scale, so a 1080×1350 frame at 2× asks for 2K
 * where the model has it) and the export is capped at what that size needs; for text-to-image, the person's choice
 * of ratio and size, corrected to what the model offers. An edit also carries what goes with it (region,
 * references, Keep text editable; docs/regional-edits.md), checked against the model before anything is sent.
 */
import { frameRequestShape } from './aspect.js';
import { appError } from './errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';
import { DEFAULT_EXPORT_SCALE } from './export-scale.js';
import type { NodeSnapshot } from './messages.js';
import { sizesOf, tabledPixels, type ImageSize } from './models.js';
import type { PublicModel } from './proxy-schema.js';
import { fail, ok, type Result } from './result.js';
import { checkEditInputs, NO_EDIT_INPUTS, type EditInputs } from './edit-inputs.js';

export interface RequestPlan {
  /** The layer being edited, or null for text-to-image. */
  target: NodeSnapshot | null;
  aspectRatio: string;
  imageSize: ImageSize;
  /** Whether to send `imageSize` (models without a size knob reject it). */
  sendImageSize: boolean;
  /** Longest side of the base-image export. */
  maxSide: number;
  /** Pixels per point the frame is exported at (its export settings, 2× without any); 1 for text-to-image. */
  exportScale: number;
  /** Scale of the base-image export: the export scale, but no more than the size asked for draws, nor 4096 px. */
  baseScale: number;
  /** Region, references and Keep text editable (none for text-to-image). */
  inputs: EditInputs;
}

/** The person's picks for text-to-image. */
export interface ShapeChoice {
  aspectRatio: string;
  imageSize: ImageSize | null;
}

/** The plan for `model` with `target` (or nothing) selected, or why there is none. */
export function planRequest(
  model: PublicModel,
  target: NodeSnapshot | null,
  choice: ShapeChoice,
  inputs: EditInputs = NO_EDIT_INPUTS,
): Result<RequestPlan> {
  const sendImageSize = model.imageSizes.length > 0;
  if (target) {
    if (!(target.width > 0 && target.height > 0)) {
      return fail(
        appError('bad_request', `"${target.name}" has no width or height. Select a frame or layer with an area.`),
      );
    }
    const problem = checkEditInputs(model, target, inputs);
    if (problem) return fail(problem);
    const exportScale = target.exportScale ?? DEFAULT_EXPORT_SCALE;
    const { aspectRatio, imageSize } = frameRequestShape(model, target.width, target.height, exportScale);
    const pixels = tabledPixels(model, imageSize, aspectRatio);
    const maxSide = Math.min(MAX_FIGMA_IMAGE_SIDE, pixels ? Math.max(pixels[0], pixels[1]) : MAX_FIGMA_IMAGE_SIDE);
    const baseScale = Math.min(exportScale, maxSide / Math.max(target.width, target.height));
    return ok({ target, aspectRatio, imageSize, sendImageSize, maxSide, exportScale, baseScale, inputs });
  }
  const aspectRatio = model.aspectRatios.includes(choice.aspectRatio)
    ? choice.aspectRatio
    : (model.aspectRatios[0] ?? '1:1');
  const sizes = sizesOf(model);
  const imageSize = choice.imageSize && sizes.includes(choice.imageSize) ? choice.imageSize : model.defaultImageSize;
  return ok({
    target: null,
    aspectRatio,
    imageSize,
    sendImageSize,
    maxSide: MAX_FIGMA_IMAGE_SIDE,
    exportScale: 1,
    baseScale: 1,
    inputs: NO_EDIT_INPUTS,
  });
}
