/**
 * The mask of a regional edit (docs/architecture.md#regional-edits): one alpha byte per pixel of the source export, 0
 * outside the shape the person drew, and its bounds. The sandbox exports the shape alone; core/align-shape-mask.ts
 * lines that export up with the source's pixel grid (docs/regional-edits.md has the whole pipeline).
 */
import type { Rect } from './aspect.js';

/** Coverage of the region per pixel, rows top to bottom: 0 outside the shape, 255 fully inside. */
export interface AlphaMask {
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** An empty (all-outside) mask. */
export function createMask(width: number, height: number): AlphaMask {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1)) {
    throw new RangeError(`mask size must be whole pixels, got ${width}×${height}`);
  }
  return { width, height, alpha: new Uint8Array(width * height) };
}

/** The smallest rectangle holding every pixel with alpha above 0, or null when the mask is empty. */
export function maskBounds(mask: AlphaMask): Rect | null {
  const { width, height, alpha } = mask;
  const rowIsEmpty = (y: number): boolean => {
    for (let i = y * width, end = i + width; i < end; i++) if (alpha[i] !== 0) return false;
    return true;
  };
  let top = 0;
  while (top < height && rowIsEmpty(top)) top++;
  if (top === height) return null;
  let bottom = height - 1;
  while (rowIsEmpty(bottom)) bottom--;
  // Each row only needs looking at outside the columns already known to be inside the bounds.
  let left = width;
  let right = -1;
  for (let y = top; y <= bottom; y++) {
    const row = y * width;
    for (let x = 0; x < left; x++) {
      if (alpha[row + x] !== 0) {
        left = x;
        break;
      }
    }
    for (let x = width - 1; x > right; x--) {
      if (alpha[row + x] !== 0) {
        right = x;
        break;
      }
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}
