/**
 * The mask of a regional edit (docs/architecture.md#regional-edits): one alpha byte per pixel of the source export, 0
 * outside the shape the person drew. The sandbox exports the shape alone; these helpers line that export up with the
 * source's pixel grid and measure it (docs/regional-edits.md has the whole pipeline).
 */
import type { Rect } from './aspect.js';
import type { RgbaImage } from './png.js';

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

/**
 * Where the shape's export lands in the source export, in whole pixels: the difference of the two nodes'
 * `absoluteBoundingBox` origins at the export scale. Both must be exported with `useAbsoluteBounds: true` at the
 * same scale; a fractional offset is rounded, so the mask is within half a pixel of the canvas.
 */
export function shapeMaskOffset(
  sourceBox: { x: number; y: number },
  shapeBox: { x: number; y: number },
  scale: number,
): { x: number; y: number } {
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`scale must be positive, got ${scale}`);
  return { x: Math.round((shapeBox.x - sourceBox.x) * scale), y: Math.round((shapeBox.y - sourceBox.y) * scale) };
}

/**
 * The mask on the source's `width × height` grid from the shape's own RGBA export placed at `offset` (see
 * {@link shapeMaskOffset}); parts outside the source are dropped. The alpha is scaled so the strongest pixel is
 * 255: a shape drawn with a translucent fill still marks its region fully, while its anti-aliased edge keeps
 * its partial coverage.
 */
export function alignShapeMask(
  shapeExport: RgbaImage,
  offset: { x: number; y: number },
  width: number,
  height: number,
): AlphaMask {
  const mask = createMask(width, height);
  const { data } = shapeExport;
  if (data.length !== shapeExport.width * shapeExport.height * 4) {
    throw new RangeError('pixel data does not match width × height × 4');
  }
  let strongest = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > strongest) strongest = data[i]!;
  if (strongest === 0) return mask;
  const x0 = Math.max(0, offset.x);
  const x1 = Math.min(width, offset.x + shapeExport.width);
  const y0 = Math.max(0, offset.y);
  const y1 = Math.min(height, offset.y + shapeExport.height);
  for (let y = y0; y < y1; y++) {
    let p = ((y - offset.y) * shapeExport.width + (x0 - offset.x)) * 4 + 3;
    let o = y * width + x0;
    for (let x = x0; x < x1; x++, p += 4, o++) {
      const a = data[p]!;
      mask.alpha[o] = a === 0 ? 0 : Math.max(1, Math.round((a * 255) / strongest));
    }
  }
  return mask;
}
