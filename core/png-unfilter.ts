/** The decoder's hot loop (core/png-decode.ts): PNG's per-row filters undone. */
import { PngError } from './png-error.js';

/**
 * Reverses PNG's per-row filters (the PNG specification, "Filtering"). Each row's filter is read once and the row done
 * in one tight loop: the bytes before the first full pixel have no left neighbour (a = c = 0), and the first row has no
 * row above (b = c = 0), exactly as the spec's per-byte definition says.
 */
export function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    const up = dst - stride;
    const first = Math.min(bpp, stride);
    switch (filter) {
      case 0:
        out.set(raw.subarray(src, src + stride), dst);
        break;
      case 1:
        for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
        for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + out[dst + x - bpp]!) & 0xff;
        break;
      case 2:
        if (y === 0) out.set(raw.subarray(src, src + stride), dst);
        else for (let x = 0; x < stride; x++) out[dst + x] = (raw[src + x]! + out[up + x]!) & 0xff;
        break;
      case 3:
        if (y === 0) {
          for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
          for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + (out[dst + x - bpp]! >> 1)) & 0xff;
        } else {
          for (let x = 0; x < first; x++) out[dst + x] = (raw[src + x]! + (out[up + x]! >> 1)) & 0xff;
          for (let x = first; x < stride; x++) {
            out[dst + x] = (raw[src + x]! + ((out[dst + x - bpp]! + out[up + x]!) >> 1)) & 0xff;
          }
        }
        break;
      case 4:
        if (y === 0) {
          // Paeth with no row above predicts the left neighbour.
          for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
          for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + out[dst + x - bpp]!) & 0xff;
        } else {
          // With no left neighbour, Paeth predicts the byte above.
          for (let x = 0; x < first; x++) out[dst + x] = (raw[src + x]! + out[up + x]!) & 0xff;
          for (let x = first; x < stride; x++) {
            const a = out[dst + x - bpp]!;
            const b = out[up + x]!;
            const c = out[up + x - bpp]!;
            const p = a + b - c;
            const pa = p > a ? p - a : a - p;
            const pb = p > b ? p - b : b - p;
            const pc = p > c ? p - c : c - p;
            out[dst + x] = (raw[src + x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
          }
        }
        break;
      default:
        throw new PngError(`PNG row ${y} has unknown filter ${filter}`);
    }
  }
  return out;
}
