/**
 * Pixels as the PNG codec (core/png.ts) and the region maths work on them: 8-bit RGBA, with the largest side we agree
 * to make, and a blank or filled image of a size.
 */
import { PngError } from './png-error.js';

/** Pixels as 8-bit RGBA rows, top to bottom, with no padding. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Largest side we agree to decode or encode: Gemini's widest answer is 12288 px
 * (docs/gemini-platform.md#output-pixel-sizes).
 */
export const MAX_PNG_SIDE = 16_384;

/** A blank (transparent) image, or one filled with a colour. */
export function createImage(
  width: number,
  height: number,
  rgba: [number, number, number, number] = [0, 0, 0, 0],
): RgbaImage {
  checkSize(width, height);
  const data = new Uint8Array(width * height * 4);
  if (rgba.some((v) => v !== 0)) {
    for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  }
  return { width, height, data };
}

/** Throws a {@link PngError} unless the size is whole pixels, above zero and at most {@link MAX_PNG_SIDE} a side. */
export function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new PngError(`image size must be whole pixels above zero, got ${width}×${height}`);
  }
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new PngError(`image is ${width}×${height}; the largest side allowed is ${MAX_PNG_SIDE}`);
  }
}
