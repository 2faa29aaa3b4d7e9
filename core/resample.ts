/**
 * A pure, deterministic resampler for RGBA8 pixels, so a regional edit's answer is scaled back to its crop the same
 * way in Node and in the panel (the browser canvas premultiplies alpha and would alter pixels; docs/regional-edits.md).
 *
 * Each axis is filtered on its own: an area average (box filter with fractional coverage) when it shrinks, which
 * is what a downscale needs to avoid aliasing, and bilinear (pixel centres aligned) when it grows or keeps its
 * size. Colour is averaged weighted by alpha (premultiplied), so transparent pixels do not bleed their colour.
 */
import type { Rect } from './aspect.js';
import type { RgbaImage } from './png.js';
import { axisTaps, type Taps } from './resample-taps.js';

/** True when every pixel of `rect` has alpha 255. */
function isOpaque(image: RgbaImage, rect: Rect): boolean {
  const { data } = image;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const end = (y * image.width + rect.x + rect.width) * 4;
    for (let i = (y * image.width + rect.x) * 4 + 3; i < end; i += 4) if (data[i] !== 255) return false;
  }
  return true;
}

/** Throws unless `rect` is a non-empty rectangle of whole pixels inside `width × height`. */
export function checkRectInside(rect: Rect, width: number, height: number): void {
  const { x, y, width: w, height: h } = rect;
  const whole = [x, y, w, h].every(Number.isInteger);
  if (!whole || w < 1 || h < 1 || x < 0 || y < 0 || x + w > width || y + h > height) {
    throw new RangeError(`rect ${JSON.stringify(rect)} is not inside ${width}×${height}`);
  }
}

/**
 * Part of the resampled image: `srcRect` of `src` scaled to `dstWidth × dstHeight`, but only the output pixels in
 * `window` (a rectangle of the output) are computed and returned, as a `window`-sized image. Compositing uses it
 * to resample only the part of a patch that the mask can show.
 */
export function resampleWindow(
  src: RgbaImage,
  srcRect: Rect,
  dstWidth: number,
  dstHeight: number,
  window: Rect,
): RgbaImage {
  if (src.data.length !== src.width * src.height * 4) throw new RangeError('pixel data does not match the size');
  checkRectInside(srcRect, src.width, src.height);
  checkRectInside(window, dstWidth, dstHeight);
  // Same size: an exact copy of the rows, so resampling to the same size never changes a byte.
  if (srcRect.width === dstWidth && srcRect.height === dstHeight) return copyWindow(src, srcRect, window);
  const out = new Uint8Array(window.width * window.height * 4);
  const columns = axisTaps(srcRect.width, dstWidth);
  const rows = axisTaps(srcRect.height, dstHeight);
  // Opaque sources (every Gemini answer) skip the alpha weighting: same result, half the work.
  const opaque = isOpaque(src, srcRect);
  // One row of the vertical pass over the columns the window needs, premultiplied: r·a, g·a, b·a, a.
  const firstColumn = columns.start[window.x]!;
  const lastTap = window.x + window.width - 1;
  const span = columns.start[lastTap]! + columns.count[lastTap]! - firstColumn;
  const line = new Float64Array(span * 4);
  for (let y = 0; y < window.height; y++) {
    const dy = window.y + y;
    sumSourceRows(line, src, srcRect, rows, dy, firstColumn, span, opaque);
    const o = y * window.width * 4;
    if (opaque) writeOpaqueRow(out, o, line, columns, window, firstColumn);
    else writeRow(out, o, line, columns, window, firstColumn);
  }
  return { width: window.width, height: window.height, data: out };
}

/** The window of `srcRect` copied byte for byte, for a resample that keeps the size. */
function copyWindow(src: RgbaImage, srcRect: Rect, window: Rect): RgbaImage {
  const out = new Uint8Array(window.width * window.height * 4);
  const srcStride = src.width * 4;
  for (let y = 0; y < window.height; y++) {
    const from = (srcRect.y + window.y + y) * srcStride + (srcRect.x + window.x) * 4;
    out.set(src.data.subarray(from, from + window.width * 4), y * window.width * 4);
  }
  return { width: window.width, height: window.height, data: out };
}

/**
 * The vertical pass for output row `dy`: the weighted sum of its source rows over `span` columns from `firstColumn`,
 * into `line`; premultiplied by alpha unless the source is `opaque` (then the alpha sums are left at 0, unused).
 */
function sumSourceRows(
  line: Float64Array,
  src: RgbaImage,
  srcRect: Rect,
  rows: Taps,
  dy: number,
  firstColumn: number,
  span: number,
  opaque: boolean,
): void {
  const data = src.data;
  const srcStride = src.width * 4;
  line.fill(0);
  const rowBase = dy * rows.stride;
  for (let k = 0; k < rows.count[dy]!; k++) {
    const weight = rows.weights[rowBase + k]!;
    let p = (srcRect.y + rows.start[dy]! + k) * srcStride + (srcRect.x + firstColumn) * 4;
    if (opaque) {
      for (let i = 0; i < span * 4; i += 4, p += 4) {
        line[i] = line[i]! + data[p]! * weight;
        line[i + 1] = line[i + 1]! + data[p + 1]! * weight;
        line[i + 2] = line[i + 2]! + data[p + 2]! * weight;
      }
      continue;
    }
    for (let i = 0; i < span * 4; i += 4, p += 4) {
      const wa = weight * data[p + 3]!;
      line[i] = line[i]! + data[p]! * wa;
      line[i + 1] = line[i + 1]! + data[p + 1]! * wa;
      line[i + 2] = line[i + 2]! + data[p + 2]! * wa;
      line[i + 3] = line[i + 3]! + wa;
    }
  }
}

// Storing an int is much faster than a double; + 0.5 and truncation round (every value is ≥ 0).

/** The horizontal pass of an opaque source's row into `out` from `o`: weights sum to 1, so the sums are colours. */
function writeOpaqueRow(
  out: Uint8Array,
  o: number,
  line: Float64Array,
  columns: Taps,
  window: Rect,
  firstColumn: number,
): void {
  const { start: cStart, count: cCount, weights: cWeights, stride: cStride } = columns;
  const windowEnd = window.x + window.width;
  for (let dx = window.x; dx < windowEnd; dx++, o += 4) {
    const base = dx * cStride;
    let r = 0;
    let g = 0;
    let b = 0;
    let i = (cStart[dx]! - firstColumn) * 4;
    const n = cCount[dx]!;
    for (let k = 0; k < n; k++, i += 4) {
      const weight = cWeights[base + k]!;
      r += line[i]! * weight;
      g += line[i + 1]! * weight;
      b += line[i + 2]! * weight;
    }
    out[o] = (r + 0.5) | 0;
    out[o + 1] = (g + 0.5) | 0;
    out[o + 2] = (b + 0.5) | 0;
    out[o + 3] = 255;
  }
}

/** The horizontal pass of a premultiplied row into `out` from `o`, un-premultiplied; fully transparent stays 0. */
function writeRow(
  out: Uint8Array,
  o: number,
  line: Float64Array,
  columns: Taps,
  window: Rect,
  firstColumn: number,
): void {
  const { start: cStart, count: cCount, weights: cWeights, stride: cStride } = columns;
  const windowEnd = window.x + window.width;
  for (let dx = window.x; dx < windowEnd; dx++, o += 4) {
    const base = dx * cStride;
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    let i = (cStart[dx]! - firstColumn) * 4;
    const n = cCount[dx]!;
    for (let k = 0; k < n; k++, i += 4) {
      const weight = cWeights[base + k]!;
      r += line[i]! * weight;
      g += line[i + 1]! * weight;
      b += line[i + 2]! * weight;
      a += line[i + 3]! * weight;
    }
    if (a > 0) {
      // Un-premultiply: colour is the alpha-weighted mean, so it needs no division by 255.
      const inverse = 1 / a;
      out[o] = (r * inverse + 0.5) | 0;
      out[o + 1] = (g * inverse + 0.5) | 0;
      out[o + 2] = (b * inverse + 0.5) | 0;
      out[o + 3] = (a + 0.5) | 0;
    }
  }
}

/**
 * `srcRect` of `src` (the whole image when omitted) scaled to `dstWidth × dstHeight`: area average on an axis that
 * shrinks, bilinear on one that grows, an exact copy when the size does not change. Never stretches on its own:
 * callers pick `srcRect` with the output's aspect ratio (see `coverCrop`).
 */
export function resampleRgba(
  src: RgbaImage,
  dstWidth: number,
  dstHeight: number,
  srcRect: Rect = { x: 0, y: 0, width: src.width, height: src.height },
): RgbaImage {
  if (!(Number.isInteger(dstWidth) && Number.isInteger(dstHeight) && dstWidth >= 1 && dstHeight >= 1)) {
    throw new RangeError(`output size must be whole pixels, got ${dstWidth}×${dstHeight}`);
  }
  return resampleWindow(src, srcRect, dstWidth, dstHeight, { x: 0, y: 0, width: dstWidth, height: dstHeight });
}
