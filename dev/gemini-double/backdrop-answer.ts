/**
 * How the double answers the two renders of a cut-out made without segmentation (core/matte-render-instruction.ts,
 * docs/gemini-double.md#the-two-renders-of-a-cut-out), recognised by their opening words (an assumption of ours for
 * the double only). Visible and deterministic: the picture it is sent, fitted to the answer's size, with the backdrop
 * replaced by pure white or pure black. The subject is the blobs that stand out from the backdrop
 * (dev/gemini-double/subject-blobs.ts): every blob for the main subject, the largest for one object. Its edge is
 * blended over {@link EDGE_BLEND_PX} px, as a model's anti-aliased edge would be.
 */
import { coverCrop } from '../../core/cover-crop.js';
import { flattenOnto } from '../../core/flatten-rgba.js';
import { backdropOfInstruction, keepsOneObject } from '../../core/matte-render-instruction.js';
import type { RgbaImage } from '../../core/rgba-image.js';
import { resampleRgba } from '../../core/resample.js';
import { subjectBlobs } from './subject-blobs.js';

/** Width of the blended edge, in answer pixels: a box blur of the subject's mask this wide. */
export const EDGE_BLEND_PX = 3;

/** The render for `prompt`, or null when it asks for no backdrop. */
export function renderBackdropAnswer(
  prompt: string,
  source: RgbaImage,
  width: number,
  height: number,
): RgbaImage | null {
  const backdrop = backdropOfInstruction(prompt);
  if (!backdrop) return null;
  const crop = coverCrop(source.width, source.height, width, height);
  const fitted = resampleRgba(flattenOnto(source), width, height, crop);
  const blobs = subjectBlobs(fitted, keepsOneObject(prompt) ? 1 : 3);
  const member = new Uint8Array(width * height);
  for (const blob of blobs) for (let i = 0; i < member.length; i++) member[i] ||= blob.member[i]!;
  const cover = blurred(member, width, height);
  const fill = backdrop === 'white' ? 255 : 0;
  const out = new Uint8Array(fitted.data.length);
  for (let i = 0; i < width * height; i++) {
    const a = cover[i]!;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(fitted.data[i * 4 + c]! * a + fill * (1 - a));
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/** The mask's cover (0–1) under an {@link EDGE_BLEND_PX}-wide box blur, edges clamped. */
function blurred(member: Uint8Array, width: number, height: number): Float32Array {
  const r = Math.floor(EDGE_BLEND_PX / 2);
  const rows = new Float32Array(member.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += member[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      rows[y * width + x] = sum / EDGE_BLEND_PX;
    }
  }
  const out = new Float32Array(member.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += rows[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = sum / EDGE_BLEND_PX;
    }
  }
  return out;
}
