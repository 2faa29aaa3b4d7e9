/**
 * Fitting one size to another without stretching: the centred crop of an image that covers a size (a cover fit),
 * and the uniform shrink that brings a size within a longest side. Sizes are whole pixels.
 */
import type { Rect } from './aspect.js';

/**
 * The centred part of a `srcW × srcH` image that, scaled uniformly, covers `dstW × dstH` exactly: the crop for a
 * cover fit (never a stretch). The crop keeps the destination's aspect ratio, rounded to whole pixels.
 */
export function coverCrop(srcW: number, srcH: number, dstW: number, dstH: number): Rect {
  const scale = Math.max(dstW / srcW, dstH / srcH);
  // At least one pixel: an extreme ratio (say 1:8 onto 12288:1) would otherwise round a side to nothing.
  const width = Math.max(1, Math.min(srcW, Math.round(dstW / scale)));
  const height = Math.max(1, Math.min(srcH, Math.round(dstH / scale)));
  return { x: Math.floor((srcW - width) / 2), y: Math.floor((srcH - height) / 2), width, height };
}

/** Uniform scale that brings `width × height` within `maxSide` on both sides (1 when it already fits). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
