/**
 * How a whole-frame answer is fitted back to its frame (docs/architecture.md#sizes-from-the-frame): cropped, centred,
 * to the frame's exact aspect ratio (never stretched), then scaled down to what the frame needs at its export scale,
 * and never past 4096 px a side, which `figma.createImage` rejects (docs/figma-platform.md#images-at-most-4096-px; 4K
 * at 16:9 is 5504×3072).
 */
import type { Rect } from './aspect.js';
import { coverCrop } from './cover-crop.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';

export interface ResultFitPlan {
  /** The part of the answer to keep, with the frame's aspect ratio to within a pixel. */
  crop: Rect;
  /** Size of the image to place, in pixels: the crop scaled down (never up). */
  width: number;
  height: number;
  /** Pixels per frame point of the placed image (at most the export scale). */
  pixelScale: number;
}

/**
 * Plan for a `resultWidth × resultHeight` answer fitted to a `frameWidth × frameHeight` (points) frame exported at
 * `exportScale`. The output scale is the smallest of: the export scale (no more pixels than the frame needs), the
 * crop's own scale (no upscale: it would add bytes, not detail; the layer is sized to the frame anyway), and
 * 4096 over the frame's longer side.
 */
export function fitResultPlan(
  resultWidth: number,
  resultHeight: number,
  frameWidth: number,
  frameHeight: number,
  exportScale: number,
): ResultFitPlan {
  for (const [name, value] of Object.entries({ resultWidth, resultHeight, frameWidth, frameHeight, exportScale })) {
    if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be positive, got ${value}`);
  }
  const crop = coverCrop(resultWidth, resultHeight, frameWidth, frameHeight);
  // An extreme frame (thinner than a pixel of the answer) still keeps one row or column.
  crop.width = Math.max(1, crop.width);
  crop.height = Math.max(1, crop.height);
  crop.x = Math.floor((resultWidth - crop.width) / 2);
  crop.y = Math.floor((resultHeight - crop.height) / 2);
  const pixelScale = Math.min(
    exportScale,
    crop.width / frameWidth,
    crop.height / frameHeight,
    MAX_FIGMA_IMAGE_SIDE / Math.max(frameWidth, frameHeight),
  );
  const width = Math.max(1, Math.min(crop.width, Math.round(frameWidth * pixelScale)));
  const height = Math.max(1, Math.min(crop.height, Math.round(frameHeight * pixelScale)));
  return { crop, width, height, pixelScale };
}
