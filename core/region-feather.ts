/**
 * The feathered weight of a regional edit's patch at each pixel (docs/architecture.md#regional-edits: "a short feather
 * inside the shape").
 *
 * Method: the exact Euclidean distance from each pixel to the nearest pixel that is outside the shape (mask alpha 0) or
 * outside the patch (`window`), by a separable transform: linear sweeps down and up each column, then along each row
 * the minimum of (x − q)² + column distance(q)² over the columns q near a seed, either spread directly (few near
 * columns: a band along the edge) or by the lower envelope of parabolas of Felzenszwalb & Huttenlocher ("Distance
 * Transforms of Sampled Functions", 2012) when there are many. Pixels beyond the image's edge do not count as outside:
 * a shape that runs off the frame is edited right up to the frame's edge. The weight is
 *
 *     weight = (mask alpha / 255) × min(1, distance / (featherPx + 1))
 *
 * so it is exactly 0 wherever the mask is 0 (the feather never leaves the shape), rises linearly over the first
 * `featherPx` pixels inside the edge (a pixel touching the outside has distance 1), and is exactly 1 deeper in
 * where the mask is opaque. The distance is Euclidean, so the ramp is as wide along a rotated or curved edge as
 * along a straight one. Only distances up to `featherPx + 1` matter, so they are capped there, which keeps every
 * number small and exact.
 */
import type { Rect } from './aspect.js';
import type { AlphaMask } from './region-mask.js';
import { checkRectInside } from './resample.js';

/** Above this many parabola updates per pixel of a row, the row uses the linear-time lower envelope instead. */
const ENVELOPE_THRESHOLD = 8;

/**
 * Calls `visit(row, weights)` for each row of `window` (a rectangle of the mask's grid), top to bottom, with the
 * weights of that row's pixels. `weights` is one buffer reused for every row: read it before returning. Memory is
 * one byte per pixel of `window` plus a one-pixel border (two when `featherPx` passes 253), allocated once.
 */
export function forEachWeightRow(
  mask: AlphaMask,
  window: Rect,
  featherPx: number,
  visit: (row: number, weights: Float32Array) => void,
): void {
  if (!(featherPx >= 0 && Number.isFinite(featherPx))) throw new RangeError(`featherPx must be ≥ 0, got ${featherPx}`);
  if (mask.alpha.length !== mask.width * mask.height) throw new RangeError('mask data does not match its size');
  checkRectInside(window, mask.width, mask.height);
  const { alpha, width } = mask;
  // The window and a one-pixel ring around it (inside the image): every ring pixel is outside the window, so it is
  // a seed, and the nearest seed of any window pixel lies within this box (clamping a point to the box brings it
  // no farther). So the transform over the box is exact for the window.
  const bx0 = Math.max(0, window.x - 1);
  const by0 = Math.max(0, window.y - 1);
  const bx1 = Math.min(mask.width, window.x + window.width + 1);
  const by1 = Math.min(mask.height, window.y + window.height + 1);
  const bw = bx1 - bx0;
  const bh = by1 - by0;
  const wx1 = window.x + window.width;
  const wy1 = window.y + window.height;
  const cap = Math.min(65_535, Math.ceil(featherPx) + 2);
  const far = cap * cap;

  // Vertical pass: distance to the nearest seed in the same column, capped, by a sweep down and a sweep up. Ring
  // rows and columns are seeds; inside the window, pixels where the mask is 0.
  // One byte per pixel when the feather is short (it always is in practice), so the passes move half the memory.
  const vertical = cap < 256 ? new Uint8Array(bw * bh) : new Uint16Array(bw * bh);
  const run = new Uint16Array(bw).fill(cap);
  const innerX0 = window.x - bx0;
  const innerX1 = wx1 - bx0;
  for (let y = 0; y < bh; y++) {
    const my = by0 + y;
    const row = y * bw;
    if (my < window.y || my >= wy1) {
      run.fill(0); // `vertical` is already 0 here
      continue;
    }
    if (innerX0 > 0) run[0] = 0;
    if (innerX1 < bw) run[innerX1] = 0;
    const maskRow = my * width + bx0;
    for (let x = innerX0; x < innerX1; x++) {
      const up = run[x]! + 1;
      const d = alpha[maskRow + x] === 0 ? 0 : up < cap ? up : cap;
      run[x] = d;
      vertical[row + x] = d;
    }
  }
  // The sweep up also counts, per row, the columns with a seed nearer than `cap` (see the horizontal pass).
  const nearCount = new Int32Array(bh);
  run.fill(cap);
  for (let y = bh - 1; y >= 0; y--) {
    const row = y * bw;
    let near = 0;
    for (let x = 0; x < bw; x++) {
      const here = vertical[row + x]!;
      const below = run[x]! + 1;
      const d = here === 0 ? 0 : below < here ? below : here;
      run[x] = d;
      vertical[row + x] = d;
      if (d < cap) near++;
    }
    nearCount[y] = near;
  }

  // Horizontal pass: squared distance = min over columns q of (x − q)² + vertical(q)². Only columns with a seed
  // nearer than `cap` matter, and only within `cap` of x. When such columns are few (the usual case: a band along
  // the shape's edge), each spreads its parabola over its neighbours; when they are many (a mask full of holes),
  // the lower envelope of Felzenszwalb & Huttenlocher does the row in linear time.
  const squared = new Int32Array(bw);
  const f = new Float64Array(bw);
  const v = new Int32Array(bw);
  const z = new Float64Array(bw + 1);
  const weights = new Float32Array(window.width);
  const reach = featherPx + 1;
  const reach2 = reach * reach;
  const spread = 2 * cap - 1;
  for (let y = window.y; y < wy1; y++) {
    const row = (y - by0) * bw;
    const near = nearCount[y - by0]!;
    if (near === 0) {
      squared.fill(far);
    } else if (near * spread <= ENVELOPE_THRESHOLD * bw) {
      squared.fill(far);
      for (let q = 0; q < bw; q++) {
        const d = vertical[row + q]!;
        if (d >= cap) continue;
        const fq = d * d;
        const from = Math.max(0, q - cap + 1);
        const to = Math.min(bw - 1, q + cap - 1);
        for (let x = from; x <= to; x++) {
          const candidate = (x - q) * (x - q) + fq;
          if (candidate < squared[x]!) squared[x] = candidate;
        }
      }
    } else {
      for (let x = 0; x < bw; x++) {
        const d = vertical[row + x]!;
        f[x] = d * d;
      }
      let k = 0;
      v[0] = 0;
      z[0] = -Infinity;
      z[1] = Infinity;
      for (let q = 1; q < bw; q++) {
        const fq = f[q]! + q * q;
        let p = v[k]!;
        let s = (fq - (f[p]! + p * p)) / (2 * (q - p));
        while (s <= z[k]!) {
          k--;
          p = v[k]!;
          s = (fq - (f[p]! + p * p)) / (2 * (q - p));
        }
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = Infinity;
      }
      k = 0;
      for (let q = 0; q < bw; q++) {
        while (z[k + 1]! < q) k++;
        const p = v[k]!;
        squared[q] = Math.min(far, (q - p) * (q - p) + f[p]!);
      }
    }
    const maskRow = y * width;
    for (let x = window.x; x < wx1; x++) {
      const a = alpha[maskRow + x]!;
      if (a === 0) {
        weights[x - window.x] = 0;
        continue;
      }
      const d2 = squared[x - bx0]!;
      const ramp = d2 >= reach2 ? 1 : Math.sqrt(d2) / reach;
      weights[x - window.x] = a === 255 ? ramp : (a / 255) * ramp;
    }
    visit(y - window.y, weights);
  }
}

/** The weights of every pixel of `window`, rows top to bottom (see {@link forEachWeightRow}). */
export function featherWeights(mask: AlphaMask, window: Rect, featherPx: number): Float32Array {
  const all = new Float32Array(window.width * window.height);
  forEachWeightRow(mask, window, featherPx, (row, weights) => all.set(weights, row * window.width));
  return all;
}
