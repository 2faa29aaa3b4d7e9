/**
 * The last step of a regional edit (docs/architecture.md#regional-edits): the model's answer is scaled back to its crop
 * and composited over the source export through the shape's mask, feathered inside the shape. Pure and exact on RGBA8
 * arrays, so Node and the panel get the same bytes (the browser canvas premultiplies alpha and would alter pixels).
 *
 * **Every pixel where the mask is 0 is the source's, byte for byte**: such pixels are never written, only copied,
 * whatever their alpha (fully or partly transparent pixels included). So are mask pixels outside `patchRect`,
 * where there is no answer to show.
 */
import type { Rect } from './aspect.js';
import { coverCrop } from './cover-crop.js';
import type { RgbaImage } from './png.js';
import { forEachWeightRow } from './region-feather.js';
import { maskBounds, type AlphaMask } from './region-mask.js';
import { checkRectInside, resampleWindow } from './resample.js';

/**
 * Feather width for regional edits, in pixels of the source export (2 pt at 2×): soft enough to hide the seam,
 * short enough to keep the edit where the person drew it.
 */
export const REGION_FEATHER_PX = 4;

/** Intersection of two rectangles, or null when they do not overlap. */
function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * `source` with `patch` (the model's answer, any size) shown through `mask` inside `patchRect`:
 *
 * 1. the answer is cover-cropped, centred, to `patchRect`'s aspect (never stretched) and resampled to its exact
 *    size (area average down, bilinear up);
 * 2. each pixel takes the patch with the feathered weight of {@link forEachWeightRow}: 0 where the mask is 0,
 *    ramping over `featherPx` inside the shape's edge, 1 deep inside where the mask is opaque (there the output
 *    is the resampled patch exactly);
 * 3. partial weights mix premultiplied colour, so a transparent source pixel does not darken the edge.
 *
 * `mask` must have the source's size and `patchRect` must lie inside it, in whole pixels; a mismatch is a
 * programming error and throws. Returns a new image; the inputs are not changed.
 */
export function compositeThroughMask(
  source: RgbaImage,
  patch: RgbaImage,
  patchRect: Rect,
  mask: AlphaMask,
  featherPx: number,
): RgbaImage {
  const { width, height } = source;
  if (source.data.length !== width * height * 4) throw new RangeError('source data does not match its size');
  if (mask.width !== width || mask.height !== height) {
    throw new RangeError(`mask is ${mask.width}×${mask.height} but the source is ${width}×${height}`);
  }
  checkRectInside(patchRect, width, height);
  if (!(featherPx >= 0 && Number.isFinite(featherPx))) throw new RangeError(`featherPx must be ≥ 0, got ${featherPx}`);
  const out: RgbaImage = { width, height, data: source.data.slice() };
  const bounds = maskBounds(mask);
  const window = bounds && intersect(bounds, patchRect);
  if (!window) return out;

  const answer = coverCrop(patch.width, patch.height, patchRect.width, patchRect.height);
  answer.width = Math.max(1, answer.width);
  answer.height = Math.max(1, answer.height);
  const shown = resampleWindow(patch, answer, patchRect.width, patchRect.height, {
    x: window.x - patchRect.x,
    y: window.y - patchRect.y,
    width: window.width,
    height: window.height,
  }).data;

  const src = source.data;
  const dst = out.data;
  // Whole pixels move as one 32-bit word (both buffers are fresh, so aligned); byte order does not matter for a copy.
  const dstWords = new Uint32Array(dst.buffer, dst.byteOffset, dst.length / 4);
  const shownWords = new Uint32Array(shown.buffer, shown.byteOffset, shown.length / 4);
  forEachWeightRow(mask, window, featherPx, (row, weights) => {
    let o = ((window.y + row) * width + window.x) * 4;
    let p = row * window.width * 4;
    for (let x = 0; x < window.width; x++, o += 4, p += 4) {
      const w = weights[x]!;
      if (w <= 0) continue; // outside the shape: the copied source byte stays
      if (w >= 1) {
        dstWords[o >> 2] = shownWords[p >> 2]!;
        continue;
      }
      const sa = src[o + 3]! * (1 - w);
      const pa = shown[p + 3]! * w;
      const a = sa + pa;
      if (a <= 0) {
        dst[o] = dst[o + 1] = dst[o + 2] = dst[o + 3] = 0;
        continue;
      }
      dst[o] = Math.round((src[o]! * sa + shown[p]! * pa) / a);
      dst[o + 1] = Math.round((src[o + 1]! * sa + shown[p + 1]! * pa) / a);
      dst[o + 2] = Math.round((src[o + 2]! * sa + shown[p + 2]! * pa) / a);
      dst[o + 3] = Math.round(a);
    }
  });
  return out;
}
