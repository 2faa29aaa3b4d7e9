/**
 * The size in points of a text-to-image result's frame: the 1K equivalent of the answer, whatever its pixels. A 2K
 * answer of 2752×1536 px becomes a frame of 1376×768 pt whose IMAGE fill keeps all 2752×1536 pixels (Figma draws an
 * image fill at the frame's size and keeps the image's own pixels: docs/figma-platform.md#image-fills-keep-their-pixels),
 * so a result at any resolution lands at the size a designer expects, like an image placed at 2×.
 */
import type { ImageSize } from './image-sizes.js';

/** Pixels per point at each `imageSize`, against 1K (Gemini's 512 is half of 1K). */
const PIXELS_PER_POINT: Record<ImageSize, number> = { '512': 0.5, '1K': 1, '2K': 2, '4K': 4 };

/**
 * `pixels` divided by the answer's pixels per point, rounded to whole points; a model without a size knob (no
 * `imageSize`) answers at 1K, one pixel per point.
 */
export function pointSizeOf(
  pixels: { width: number; height: number },
  imageSize: ImageSize | undefined,
): { width: number; height: number } {
  const scale = imageSize ? PIXELS_PER_POINT[imageSize] : 1;
  return {
    width: Math.max(1, Math.round(pixels.width / scale)),
    height: Math.max(1, Math.round(pixels.height / scale)),
  };
}
