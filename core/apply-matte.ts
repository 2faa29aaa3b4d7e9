/**
 * The cut-out: the source's own pixels with the matte as their alpha (docs/image-tools.md). Red, green and blue
 * are the source's, byte for byte, everywhere; alpha is the source's where the matte is 255 (so there every byte
 * equals the source's export), 0 where it is 0, and the product of the two between. Pure.
 */
import type { RgbaImage } from './rgba-image.js';

/** `source` with its alpha multiplied by `alpha` (one byte per pixel, as core/matte-alpha.ts makes it). */
export function applyMatte(source: RgbaImage, alpha: Uint8Array): RgbaImage {
  const { width, height } = source;
  if (alpha.length !== width * height) throw new RangeError('the matte is not the size of the image');
  const data = new Uint8Array(source.data);
  for (let i = 0; i < width * height; i++) {
    const a = alpha[i]!;
    if (a === 255) continue;
    data[i * 4 + 3] = a === 0 ? 0 : Math.round((data[i * 4 + 3]! * a) / 255);
  }
  return { width, height, data };
}

/** How many pixels of the matte are fully clear, fully opaque and in between: what the panel says of a cut-out. */
export function matteCoverage(alpha: Uint8Array): { clear: number; opaque: number; soft: number } {
  let clear = 0;
  let opaque = 0;
  for (const a of alpha) {
    if (a === 0) clear++;
    else if (a === 255) opaque++;
  }
  return { clear, opaque, soft: alpha.length - clear - opaque };
}

/** Picks the mask whose box overlaps `hint` (a box in the same 0–1000 units) most; the first when none does. */
export function maskNearestHint<M extends { box: readonly [number, number, number, number] }>(
  masks: readonly M[],
  hint: readonly [number, number, number, number] | null,
): M | null {
  if (masks.length === 0) return null;
  if (!hint) return masks[0]!;
  let best = masks[0]!;
  let bestArea = -1;
  for (const mask of masks) {
    const [y0, x0, y1, x1] = mask.box;
    const area =
      Math.max(0, Math.min(x1, hint[3]) - Math.max(x0, hint[1])) *
      Math.max(0, Math.min(y1, hint[2]) - Math.max(y0, hint[0]));
    if (area > bestArea) {
      best = mask;
      bestArea = area;
    }
  }
  return best;
}
