/**
 * What one Generate press asks for: for an edit, the ratio and size come from the frame (DESIGN.md §5: nearest
 * supported ratio, smallest size covering the frame) and the export is capped at what that size needs; for
 * text-to-image, the person's choice of ratio and size, corrected to what the model offers.
 */
import { frameRequestShape } from '../core/aspect.js';
import { appError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import type { NodeSnapshot } from '../core/messages.js';
import { sizesOf, tabledPixels, type ImageSize } from '../core/models.js';
import type { PublicModel } from '../core/proxy-schema.js';
import { fail, ok, type Result } from '../core/result.js';

export interface RequestPlan {
  /** The layer being edited, or null for text-to-image. */
  target: NodeSnapshot | null;
  aspectRatio: string;
  imageSize: ImageSize;
  /** Whether to send `imageSize` (models without a size knob reject it). */
  sendImageSize: boolean;
  /** Longest side of the base-image export. */
  maxSide: number;
}

/** The person's picks for text-to-image. */
export interface ShapeChoice {
  aspectRatio: string;
  imageSize: ImageSize | null;
}

/** The plan for `model` with `target` (or nothing) selected, or why there is none. */
export function planRequest(model: PublicModel, target: NodeSnapshot | null, choice: ShapeChoice): Result<RequestPlan> {
  const sendImageSize = model.imageSizes.length > 0;
  if (target) {
    if (!(target.width > 0 && target.height > 0)) {
      return fail(
        appError('bad_request', `"${target.name}" has no width or height. Select a frame or layer with an area.`),
      );
    }
    const { aspectRatio, imageSize } = frameRequestShape(model, target.width, target.height);
    const pixels = tabledPixels(model, imageSize, aspectRatio);
    const maxSide = Math.min(MAX_FIGMA_IMAGE_SIDE, pixels ? Math.max(pixels[0], pixels[1]) : MAX_FIGMA_IMAGE_SIDE);
    return ok({ target, aspectRatio, imageSize, sendImageSize, maxSide });
  }
  const aspectRatio = model.aspectRatios.includes(choice.aspectRatio)
    ? choice.aspectRatio
    : (model.aspectRatios[0] ?? '1:1');
  const sizes = sizesOf(model);
  const imageSize = choice.imageSize && sizes.includes(choice.imageSize) ? choice.imageSize : model.defaultImageSize;
  return ok({ target: null, aspectRatio, imageSize, sendImageSize, maxSide: MAX_FIGMA_IMAGE_SIDE });
}
