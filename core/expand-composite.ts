/**
 * Expand's pixels (docs/image-tools.md#expand), pure and exact on RGBA8 arrays: the canvas laid out on the source
 * export's pixel grid, the padded picture sent to the model (the original on flat white where the new area goes),
 * and the composite of the answer: **every pixel of the original is the export's, byte for byte** (copied, never
 * written), the new area is the answer's, and the seam is feathered over {@link EXPAND_FEATHER_PX} on the new side
 * only, from the original's edge pixel into the answer.
 */
import type { Rect } from './aspect.js';
import { coverCrop } from './cover-crop.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';
import { sentCanvas, type ExpandPlan } from './expand-plan.js';
import { flattenOnto } from './flatten-rgba.js';
import { createImage, type RgbaImage } from './png.js';
import { resampleRgba } from './resample.js';

/** Feather on the new side of the seam, in pixels of the export. */
export const EXPAND_FEATHER_PX = 4;

/** The canvas in pixels of the source export. */
export interface ExpandLayout {
  /** The result's pixels. */
  canvas: { width: number; height: number };
  /** Where the export sits in it (its own size). */
  original: Rect;
  /** What is sent: the canvas grown to the call's ratio, in the same pixels, and the canvas's place in it. */
  sent: { width: number; height: number };
  canvasInSent: Rect;
}

/** The plan's canvas on the export's grid (`exportWidth × exportHeight` px for the source's points). */
export function expandLayout(
  plan: Pick<ExpandPlan, 'canvas' | 'original' | 'aspectRatio'>,
  exportWidth: number,
  exportHeight: number,
): ExpandLayout {
  const kx = exportWidth / plan.original.width;
  const ky = exportHeight / plan.original.height;
  const width = Math.min(MAX_FIGMA_IMAGE_SIDE, Math.max(exportWidth, Math.round(plan.canvas.width * kx)));
  const height = Math.min(MAX_FIGMA_IMAGE_SIDE, Math.max(exportHeight, Math.round(plan.canvas.height * ky)));
  const x = clamp(Math.round(plan.original.x * kx), 0, width - exportWidth);
  const y = clamp(Math.round(plan.original.y * ky), 0, height - exportHeight);
  const sent = sentCanvas(width, height, plan.aspectRatio);
  const grownW = Math.max(sent.width, width);
  const grownH = Math.max(sent.height, height);
  return {
    canvas: { width, height },
    original: { x, y, width: exportWidth, height: exportHeight },
    sent: { width: grownW, height: grownH },
    canvasInSent: { x: Math.floor((grownW - width) / 2), y: Math.floor((grownH - height) / 2), width, height },
  };
}

/**
 * The picture to send, `sendWidth × sendHeight` (the sent canvas scaled): flat white, with the source (flattened onto
 * white: Gemini reads no transparency) at its place.
 */
export function expandSendImage(
  source: RgbaImage,
  layout: ExpandLayout,
  sendWidth: number,
  sendHeight: number,
): RgbaImage {
  const out = createImage(sendWidth, sendHeight, [255, 255, 255, 255]);
  const kx = sendWidth / layout.sent.width;
  const ky = sendHeight / layout.sent.height;
  const x0 = Math.round((layout.canvasInSent.x + layout.original.x) * kx);
  const y0 = Math.round((layout.canvasInSent.y + layout.original.y) * ky);
  const w = clamp(Math.round(layout.original.width * kx), 1, sendWidth - x0);
  const h = clamp(Math.round(layout.original.height * ky), 1, sendHeight - y0);
  const scaled = flattenOnto(resampleRgba(source, w, h));
  for (let row = 0; row < h; row++) {
    out.data.set(scaled.data.subarray(row * w * 4, (row + 1) * w * 4), ((y0 + row) * sendWidth + x0) * 4);
  }
  return out;
}

/**
 * The result: the answer (any size, roughly the call's ratio) cover-fitted to the sent canvas and cut to the canvas,
 * with the source copied back at its place and the seam feathered outward. The inputs are not changed.
 */
export function compositeExpand(source: RgbaImage, answer: RgbaImage, layout: ExpandLayout): RgbaImage {
  const { canvas, original, sent, canvasInSent } = layout;
  if (source.width !== original.width || source.height !== original.height) {
    throw new RangeError(
      `the source is ${source.width}×${source.height}, the layout expects ${original.width}×${original.height}`,
    );
  }
  const fit = coverCrop(answer.width, answer.height, sent.width, sent.height);
  const kx = fit.width / sent.width;
  const ky = fit.height / sent.height;
  const rx = fit.x + canvasInSent.x * kx;
  const ry = fit.y + canvasInSent.y * ky;
  const rect = {
    x: Math.floor(rx),
    y: Math.floor(ry),
    width: Math.min(answer.width - Math.floor(rx), Math.max(1, Math.round(canvas.width * kx))),
    height: Math.min(answer.height - Math.floor(ry), Math.max(1, Math.round(canvas.height * ky))),
  };
  const out = resampleRgba(answer, canvas.width, canvas.height, rect);
  featherOutward(out, source, original);
  for (let row = 0; row < original.height; row++) {
    const from = row * original.width * 4;
    out.data.set(
      source.data.subarray(from, from + original.width * 4),
      ((original.y + row) * canvas.width + original.x) * 4,
    );
  }
  return out;
}

/**
 * Blends the answer toward the original's nearest edge pixel in the band of {@link EXPAND_FEATHER_PX} around the
 * original (outside it only): weight of the edge falls from near 1 next to it to 0 at the band's end. Colours mix
 * premultiplied, so a transparent edge does not darken the band.
 */
function featherOutward(out: RgbaImage, source: RgbaImage, at: Rect): void {
  const f = EXPAND_FEATHER_PX;
  const { width, height } = out;
  for (let y = Math.max(0, at.y - f); y < Math.min(height, at.y + at.height + f); y++) {
    const sy = clamp(y - at.y, 0, at.height - 1);
    const dy = y < at.y ? at.y - y : y >= at.y + at.height ? y - (at.y + at.height - 1) : 0;
    for (let x = Math.max(0, at.x - f); x < Math.min(width, at.x + at.width + f); x++) {
      const dx = x < at.x ? at.x - x : x >= at.x + at.width ? x - (at.x + at.width - 1) : 0;
      const d = Math.max(dx, dy);
      if (d === 0 || d > f) continue;
      const sx = clamp(x - at.x, 0, at.width - 1);
      mix(out.data, (y * width + x) * 4, source.data, (sy * at.width + sx) * 4, 1 - d / (f + 1));
    }
  }
}

/** `out[o]` becomes `weight` of `edge[e]` over the rest of itself, premultiplied. */
function mix(out: Uint8Array, o: number, edge: Uint8Array, e: number, weight: number): void {
  const ea = (edge[e + 3]! / 255) * weight;
  const oa = (out[o + 3]! / 255) * (1 - weight);
  const a = ea + oa;
  if (a <= 0) {
    out.set([0, 0, 0, 0], o);
    return;
  }
  for (let c = 0; c < 3; c++) out[o + c] = Math.round((edge[e + c]! * ea + out[o + c]! * oa) / a);
  out[o + 3] = Math.round(a * 255);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
