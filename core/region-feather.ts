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
import {
  columnDistances,
  distanceBox,
  envelopeRow,
  envelopeScratch,
  spreadRow,
  type DistanceBox,
} from './region-distance.js';
import type { AlphaMask } from './region-mask.js';
import { checkRectInside } from './resample.js';

/** Above this many parabola updates per pixel of a row, the row uses the linear-time lower envelope instead. */
const ENVELOPE_THRESHOLD = 8;

/**
 * Calls `visit(row, weights)` for each row of `window` (a rectangle of the mask's grid), top to bottom, with the
 * weights of that row's pixels. `weights` is one buffer reused for every row: read it before returning. Memory is
 * one byte per pixel of `window` plus a one-pixel border (two when `featherPx` passes 253), allocated once. The
 * distance transform is core/region-distance.ts.
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
  const box = distanceBox(mask, window, featherPx);
  const { bw, by0, cap, far } = box;
  const { vertical, nearCount } = columnDistances(mask, window, box);

  // Horizontal pass: squared distance = min over columns q of (x − q)² + vertical(q)². Only columns with a seed
  // nearer than `cap` matter, and only within `cap` of x. When such columns are few (the usual case: a band along
  // the shape's edge), each spreads its parabola over its neighbours; when they are many (a mask full of holes),
  // the lower envelope of Felzenszwalb & Huttenlocher does the row in linear time.
  const squared = new Int32Array(bw);
  const scratch = envelopeScratch(bw);
  const weights = new Float32Array(window.width);
  const spread = 2 * cap - 1;
  for (let y = window.y; y < window.y + window.height; y++) {
    const row = (y - by0) * bw;
    const near = nearCount[y - by0]!;
    if (near === 0) squared.fill(far);
    else if (near * spread <= ENVELOPE_THRESHOLD * bw) spreadRow(vertical, row, box, squared);
    else envelopeRow(vertical, row, box, squared, scratch);
    writeRowWeights(mask, window, box, y, squared, featherPx + 1, weights);
    visit(y - window.y, weights);
  }
}

/** Row `y`'s weights from its squared distances: the mask's alpha times the ramp over the first `reach` pixels. */
function writeRowWeights(
  mask: AlphaMask,
  window: Rect,
  box: DistanceBox,
  y: number,
  squared: Int32Array,
  reach: number,
  weights: Float32Array,
): void {
  const { alpha } = mask;
  const { bx0 } = box;
  const reach2 = reach * reach;
  const wx1 = window.x + window.width;
  const maskRow = y * mask.width;
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
}

/** The weights of every pixel of `window`, rows top to bottom (see {@link forEachWeightRow}). */
export function featherWeights(mask: AlphaMask, window: Rect, featherPx: number): Float32Array {
  const all = new Float32Array(window.width * window.height);
  forEachWeightRow(mask, window, featherPx, (row, weights) => all.set(weights, row * window.width));
  return all;
}
