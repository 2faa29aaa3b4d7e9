/**
 * The double's interim "thought images" (docs/gemini-double.md#live-previews-streamed-thoughts): drafts of the final
 * picture, so a preview visibly leads to the result. Gemini's own drafts are real attempts at the composition
 * [IMG-DOC "up to two interim images"]; how they look here is assumed: the final picture in coarse blocks, washed
 * towards grey, the first draft coarser and paler than the second. Deterministic: the same picture gives the same
 * drafts.
 */
import type { RgbaImage } from '../../core/rgba-image.js';

/** Draft `step` (1 or 2) of `final`: block-averaged, then mixed with mid grey. */
export function renderDraft(final: RgbaImage, step: 1 | 2): RgbaImage {
  const { width, height } = final;
  // Blocks of about a 16th (first draft) or a 40th (second) of the longer side.
  const block = Math.max(2, Math.round(Math.max(width, height) / (step === 1 ? 16 : 40)));
  const wash = step === 1 ? 0.55 : 0.3;
  const data = new Uint8Array(final.data.length);
  for (let by = 0; by < height; by += block) {
    for (let bx = 0; bx < width; bx += block) {
      const x1 = Math.min(width, bx + block);
      const y1 = Math.min(height, by + block);
      const sum = [0, 0, 0];
      for (let y = by; y < y1; y++) {
        for (let x = bx; x < x1; x++) {
          const i = (y * width + x) * 4;
          sum[0]! += final.data[i]!;
          sum[1]! += final.data[i + 1]!;
          sum[2]! += final.data[i + 2]!;
        }
      }
      const n = (x1 - bx) * (y1 - by);
      const rgb = sum.map((s) => Math.round((s / n) * (1 - wash) + 128 * wash));
      for (let y = by; y < y1; y++) {
        for (let x = bx; x < x1; x++) data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (y * width + x) * 4);
      }
    }
  }
  return { width, height, data };
}
