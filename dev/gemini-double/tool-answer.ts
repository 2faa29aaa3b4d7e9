/**
 * How the double answers the one-click image tools, recognised by the opening words of their instructions
 * (core/tool-instructions.ts; an assumption of ours for the double only: docs/gemini-double.md). Visible and
 * deterministic, so a test can tell each tool ran:
 *
 * - **Expand**: the picture it is sent is the original on flat white. The original's box is the bounding box of the
 *   pixels that are not pure white; inside it the picture is kept, and the white around it is filled with the
 *   nearest edge pixel's colour, in bands that darken every other {@link EXPAND_BAND_PX} px away from the edge.
 * - **Boost resolution**: the picture resampled to the answer's size, with a fine grid (every
 *   {@link BOOST_GRID_PX}th row and column an eighth darker) to show it was re-rendered.
 */
import { coverCrop } from '../../core/cover-crop.js';
import { flattenOnto } from '../../core/flatten-rgba.js';
import type { RgbaImage } from '../../core/png.js';
import { resampleRgba } from '../../core/resample.js';
import { toolOfInstruction } from '../../core/tool-instructions.js';

/** Width of the Expand bands, in answer pixels. */
export const EXPAND_BAND_PX = 12;

/** Period of the Boost grid, in answer pixels. */
export const BOOST_GRID_PX = 4;

/** The tool's answer for `prompt`, or null when it is no tool's instruction. */
export function renderToolAnswer(prompt: string, source: RgbaImage, width: number, height: number): RgbaImage | null {
  const tool = toolOfInstruction(prompt);
  if (!tool) return null;
  const crop = coverCrop(source.width, source.height, width, height);
  const fitted = resampleRgba(flattenOnto(source), width, height, crop);
  return tool === 'expand' ? fillAroundBox(fitted) : withGrid(fitted);
}

/** The bounding box of the pixels that are not pure white, or null when all are. */
export function nonWhiteBox(image: RgbaImage): { x0: number; y0: number; x1: number; y1: number } | null {
  const { width, height, data } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i]! >= 250 && data[i + 1]! >= 250 && data[i + 2]! >= 250) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

function fillAroundBox(image: RgbaImage): RgbaImage {
  const box = nonWhiteBox(image);
  if (!box) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(box.y1, Math.max(box.y0, y));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(box.x1, Math.max(box.x0, x));
      const i = (y * width + x) * 4;
      const s = (sy * width + sx) * 4;
      const d = Math.max(Math.abs(x - sx), Math.abs(y - sy));
      const dark = d > 0 && Math.floor(d / EXPAND_BAND_PX) % 2 === 1;
      for (let c = 0; c < 3; c++) out[i + c] = dark ? (data[s + c]! * 3) >> 2 : data[s + c]!;
      out[i + 3] = 255;
    }
  }
  return { width, height, data: out };
}

function withGrid(image: RgbaImage): RgbaImage {
  const { width, height, data } = image;
  const out = data.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x % BOOST_GRID_PX !== 0 && y % BOOST_GRID_PX !== 0) continue;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = out[i + c]! - (out[i + c]! >> 3);
    }
  }
  for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, data: out };
}
