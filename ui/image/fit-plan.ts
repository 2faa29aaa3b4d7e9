/**
 * How a result image is fitted before it goes to the sandbox (docs/architecture.md#sizes-from-the-frame):
 * cover-cropped, centred, to the source frame's exact aspect, then scaled down so no side passes 4096
 * (docs/figma-platform.md#images-at-most-4096-px). Never stretched, never upscaled. With the frame's export scale, no
 * larger than the frame needs at that scale either (core/result-fit.ts `fitResultPlan`). Pure, so it is tested without
 * a canvas.
 */
import type { Rect } from '../../core/aspect.js';
import { coverCrop, fitWithin } from '../../core/cover-crop.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../../core/export-plan.js';
import { readImageHeader } from '../../core/image-header.js';
import { fitResultPlan } from '../../core/result-fit.js';

export interface FitPlan {
  /** The part of the source image to keep. */
  crop: Rect;
  /** Output size in pixels. */
  width: number;
  height: number;
}

/** The layer size a result must cover, in canvas units; null keeps the image's own aspect. */
export interface TargetSize {
  width: number;
  height: number;
  /** Pixels per point the frame is exported at; the fit then stops at what the frame needs. */
  scale?: number;
}

/** Plan for an `imageWidth × imageHeight` result fitted to `target`. */
export function planFit(imageWidth: number, imageHeight: number, target: TargetSize | null): FitPlan {
  if (target?.scale !== undefined) {
    const { crop, width, height } = fitResultPlan(imageWidth, imageHeight, target.width, target.height, target.scale);
    return { crop, width, height };
  }
  const crop = target
    ? coverCrop(imageWidth, imageHeight, target.width, target.height)
    : { x: 0, y: 0, width: imageWidth, height: imageHeight };
  const size = fitWithin(crop.width, crop.height, MAX_FIGMA_IMAGE_SIDE);
  return { crop, width: size.width, height: size.height };
}

/** True when the plan keeps the image as it is (no crop, no scale), so its bytes can be sent unchanged. */
export function isIdentityPlan(plan: FitPlan, imageWidth: number, imageHeight: number): boolean {
  return (
    plan.crop.x === 0 &&
    plan.crop.y === 0 &&
    plan.crop.width === imageWidth &&
    plan.crop.height === imageHeight &&
    plan.width === imageWidth &&
    plan.height === imageHeight
  );
}

/**
 * True when `figma.createImage` takes the bytes as they are: a PNG or JPEG (by its header, not a declared type) of
 * at most 4096 px a side. With an identity plan such an answer is placed byte for byte, never re-encoded.
 */
export function placeableAsIs(bytes: Uint8Array): boolean {
  const header = readImageHeader(bytes);
  return (
    (header?.mimeType === 'image/png' || header?.mimeType === 'image/jpeg') &&
    header.width <= MAX_FIGMA_IMAGE_SIDE &&
    header.height <= MAX_FIGMA_IMAGE_SIDE
  );
}
