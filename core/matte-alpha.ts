/**
 * The matte of Remove background and Isolate object (docs/image-tools.md#how-the-matte-is-made): Gemini's masks
 * (core/segment-schema.ts) laid over the source's own pixels. Each mask is a probability map (0–255) of its box's
 * size; it is scaled to the box in the source's pixels (bilinear), its edge made soft by a smoothstep across the 0.5
 * threshold Google suggests binarizing at, and the masks are united (the highest alpha wins). Pure: no DOM.
 */
import type { SegmentMask } from './segment-schema.js';

/** One mask, decoded: its box as Gemini gave it, and its probability per pixel (one byte each, row by row). */
export interface DecodedMask {
  box: SegmentMask['box'];
  width: number;
  height: number;
  probability: Uint8Array;
}

/** Probabilities below this are background (alpha 0), above {@link OPAQUE_FROM} subject (alpha 255). */
export const CLEAR_BELOW = 0.35;
/** See {@link CLEAR_BELOW}: between the two the edge is soft. */
export const OPAQUE_FROM = 0.65;

/** A mask's box in a `width` × `height` image's pixels: [x0, y0, x1, y1), clamped, never empty. */
export function boxInPixels(box: SegmentMask['box'], width: number, height: number): [number, number, number, number] {
  const [y0, x0, y1, x1] = box;
  const px = (v: number, of: number) => Math.min(of, Math.max(0, Math.round((v / 1000) * of)));
  const left = px(x0, width);
  const top = px(y0, height);
  return [left, top, Math.max(left + 1, px(x1, width)), Math.max(top + 1, px(y1, height))];
}

/** The alpha (0–255 per pixel) of the union of `masks` over a `width` × `height` image. */
export function matteAlpha(width: number, height: number, masks: readonly DecodedMask[]): Uint8Array {
  const alpha = new Uint8Array(width * height);
  for (const mask of masks) {
    const [x0, y0, x1, y1] = boxInPixels(mask.box, width, height);
    const sx = mask.width / (x1 - x0);
    const sy = mask.height / (y1 - y0);
    for (let y = y0; y < Math.min(y1, height); y++) {
      const my = (y - y0 + 0.5) * sy - 0.5;
      for (let x = x0; x < Math.min(x1, width); x++) {
        const p = sample(mask, (x - x0 + 0.5) * sx - 0.5, my) / 255;
        const a = Math.round(smoothstep(p) * 255);
        const i = y * width + x;
        if (a > alpha[i]!) alpha[i] = a;
      }
    }
  }
  return alpha;
}

/** 0 below {@link CLEAR_BELOW}, 1 from {@link OPAQUE_FROM}, smooth between. */
export function smoothstep(p: number): number {
  const t = Math.min(1, Math.max(0, (p - CLEAR_BELOW) / (OPAQUE_FROM - CLEAR_BELOW)));
  return t * t * (3 - 2 * t);
}

/** Bilinear sample of the mask at (x, y) in its own pixels, edges clamped. */
function sample(mask: DecodedMask, x: number, y: number): number {
  const { width: w, height: h, probability: p } = mask;
  const cx = Math.min(w - 1, Math.max(0, x));
  const cy = Math.min(h - 1, Math.max(0, y));
  const xa = Math.floor(cx);
  const ya = Math.floor(cy);
  const xb = Math.min(w - 1, xa + 1);
  const yb = Math.min(h - 1, ya + 1);
  const fx = cx - xa;
  const fy = cy - ya;
  const top = p[ya * w + xa]! * (1 - fx) + p[ya * w + xb]! * fx;
  const bottom = p[yb * w + xa]! * (1 - fx) + p[yb * w + xb]! * fx;
  return top * (1 - fy) + bottom * fy;
}
