/**
 * The distance transform under a regional edit's feather (core/region-feather.ts): the exact Euclidean distance from
 * each pixel of a box to the nearest seed, capped, by a separable transform. First the columns, by a sweep down and a
 * sweep up; then each row, as the minimum of (x − q)² + column distance(q)² over the columns q near a seed, either
 * spread directly (few near columns: a band along the edge) or by the lower envelope of parabolas of Felzenszwalb &
 * Huttenlocher ("Distance Transforms of Sampled Functions", 2012) when there are many.
 *
 * These are the hot loops of compositing: each function does a whole pass or a whole row, with its inner loop inline.
 */
import type { Rect } from './aspect.js';
import type { AlphaMask } from './region-mask.js';

/**
 * The box the transform runs over, in the mask's grid: the window and a one-pixel ring around it (inside the image),
 * and the cap on distances (`far` is its square).
 */
export interface DistanceBox {
  bx0: number;
  by0: number;
  bw: number;
  bh: number;
  cap: number;
  far: number;
}

/**
 * The window and a one-pixel ring around it (inside the image): every ring pixel is outside the window, so it is a
 * seed, and the nearest seed of any window pixel lies within this box (clamping a point to the box brings it no
 * farther). So the transform over the box is exact for the window. Distances are capped just past `featherPx + 1`.
 */
export function distanceBox(mask: AlphaMask, window: Rect, featherPx: number): DistanceBox {
  const bx0 = Math.max(0, window.x - 1);
  const by0 = Math.max(0, window.y - 1);
  const bx1 = Math.min(mask.width, window.x + window.width + 1);
  const by1 = Math.min(mask.height, window.y + window.height + 1);
  const cap = Math.min(65_535, Math.ceil(featherPx) + 2);
  return { bx0, by0, bw: bx1 - bx0, bh: by1 - by0, cap, far: cap * cap };
}

/** Each box pixel's capped distance to the nearest seed in its column, and per row how many are nearer than the cap. */
export interface ColumnDistances {
  vertical: Uint8Array | Uint16Array;
  nearCount: Int32Array;
}

/**
 * Vertical pass: distance to the nearest seed in the same column, capped, by a sweep down and a sweep up. Ring rows
 * and columns are seeds; inside the window, pixels where the mask is 0.
 */
export function columnDistances(mask: AlphaMask, window: Rect, box: DistanceBox): ColumnDistances {
  const { alpha, width } = mask;
  const { bx0, by0, bw, bh, cap } = box;
  const wy1 = window.y + window.height;
  // One byte per pixel when the feather is short (it always is in practice), so the passes move half the memory.
  const vertical = cap < 256 ? new Uint8Array(bw * bh) : new Uint16Array(bw * bh);
  const run = new Uint16Array(bw).fill(cap);
  const innerX0 = window.x - bx0;
  const innerX1 = window.x + window.width - bx0;
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
  return { vertical, nearCount };
}

/**
 * One row of the horizontal pass, when few columns have a seed nearer than `cap`: each such column q spreads its
 * parabola (x − q)² + vertical(q)² over the columns within `cap` of it. Writes `squared`, capped at `far`.
 */
export function spreadRow(
  vertical: Uint8Array | Uint16Array,
  row: number,
  box: DistanceBox,
  squared: Int32Array,
): void {
  const { bw, cap, far } = box;
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
}

/** Scratch arrays of the lower envelope, allocated once for every row of a box. */
export interface EnvelopeScratch {
  f: Float64Array;
  v: Int32Array;
  z: Float64Array;
}

/** Scratch for a box `bw` pixels wide. */
export function envelopeScratch(bw: number): EnvelopeScratch {
  return { f: new Float64Array(bw), v: new Int32Array(bw), z: new Float64Array(bw + 1) };
}

/**
 * One row of the horizontal pass, when many columns have a near seed (a mask full of holes): the lower envelope of
 * the parabolas, in linear time (Felzenszwalb & Huttenlocher). Writes `squared`, capped at `far`.
 */
export function envelopeRow(
  vertical: Uint8Array | Uint16Array,
  row: number,
  box: DistanceBox,
  squared: Int32Array,
  scratch: EnvelopeScratch,
): void {
  const { bw, far } = box;
  const { f, v, z } = scratch;
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
