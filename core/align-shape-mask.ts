/**
 * A regional edit's mask from the sandbox's export of the shape alone (docs/regional-edits.md): where that export
 * lands on the source export's pixel grid, and its alpha placed there, on the source's own size.
 */
import type { RgbaImage } from './png.js';
import { createMask, type AlphaMask } from './region-mask.js';

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
