/**
 * Aspect ratio and size choice: the request's ratio is the model's supported ratio nearest the frame's, and its size
 * the smallest the model offers that covers the frame at its export scale (docs/architecture.md#sizes-from-the-frame).
 */
import { sizesOf, tabledPixels, type ImageSize, type ModelInfo } from './models.js';

/** What size choice reads of a model: its ratios, sizes and pixel tables (a registry entry or a `/v1/models` one). */
export type ModelShape = Pick<ModelInfo, 'aspectRatios' | 'imageSizes' | 'defaultImageSize' | 'dimensions'>;

/** `"16:9"` → 16/9, or null when the text is not a ratio. */
export function parseRatio(ratio: string): number | null {
  const match = /^([1-9][0-9]*):([1-9][0-9]*)$/.exec(ratio);
  if (!match) return null;
  return Number(match[1]) / Number(match[2]);
}

/**
 * The ratio from `ratios` nearest to width:height. Distance is measured on a log scale, so 2:1 and 1:2 are
 * equally far from 1:1. Ties go to the ratio listed first.
 */
export function nearestAspectRatio(width: number, height: number, ratios: readonly string[]): string {
  if (!(width > 0 && height > 0)) throw new RangeError(`width and height must be positive, got ${width}×${height}`);
  const target = Math.log(width / height);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const ratio of ratios) {
    const value = parseRatio(ratio);
    if (value === null) continue;
    const distance = Math.abs(Math.log(value) - target);
    if (distance < bestDistance - 1e-12) {
      best = ratio;
      bestDistance = distance;
    }
  }
  if (best === null) throw new RangeError('no valid aspect ratio to choose from');
  return best;
}

/**
 * How much a result may be scaled up and still count as covering the frame. A 25% upscale of a generated image is
 * not visible at the frame's export scale, and it saves a whole size step (4K costs about 1.8× 2K on 3 Pro): a
 * 1080×1350 frame at 2× (2160×2700) asks for 2K (1856×2304), as designers expect, not 4K.
 */
export const COVER_TOLERANCE = 1.25;

/**
 * The smallest size whose output covers `width × height` pixels (the frame at its export scale) at `ratio`, within
 * {@link COVER_TOLERANCE}, or the largest size when none does. A model without a size knob has its one size.
 */
export function chooseImageSize(model: ModelShape, ratio: string, width: number, height: number): ImageSize {
  const sizes = sizesOf(model);
  let largest: ImageSize | null = null;
  for (const size of sizes) {
    const pixels = tabledPixels(model, size, ratio);
    if (!pixels) continue;
    largest = size;
    if (pixels[0] * COVER_TOLERANCE >= width && pixels[1] * COVER_TOLERANCE >= height) return size;
  }
  return largest ?? model.defaultImageSize;
}

/** Ratio and size for a frame of `width × height` points exported at `scale`. */
export function frameRequestShape(
  model: ModelShape,
  width: number,
  height: number,
  scale = 1,
): { aspectRatio: string; imageSize: ImageSize } {
  const aspectRatio = nearestAspectRatio(width, height, model.aspectRatios);
  return { aspectRatio, imageSize: chooseImageSize(model, aspectRatio, width * scale, height * scale) };
}

/** A rectangle in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
