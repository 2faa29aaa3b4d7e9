/**
 * {@link ImageFitter} without a canvas, for Node: decodes PNG or JPEG (ui/image/decode-answer.ts), crops and scales
 * by the same {@link planFit} as the browser (nearest pixel; the browser's smoothing is tested in Chromium), and
 * encodes PNG; like the browser, an answer that needs no crop or scale is passed on as the bytes the model sent.
 */
import { createImage, encodePng } from '../../core/png.js';
import { ok } from '../../core/result.js';
import { decodeAnswer } from '../../ui/image/decode-answer.js';
import { isIdentityPlan, placeableAsIs, planFit } from '../../ui/image/fit-plan.js';
import type { ImageFitter } from '../../ui/image/image-fitter.js';

export const fitImageWithPngCodecAsync: ImageFitter = async (bytes, _mimeType, target) => {
  const decoded = decodeAnswer(bytes);
  if (!decoded.ok) return decoded;
  const source = decoded.value;
  const plan = planFit(source.width, source.height, target);
  if (placeableAsIs(bytes) && isIdentityPlan(plan, source.width, source.height)) {
    return ok({ bytes, width: source.width, height: source.height });
  }
  const out = createImage(plan.width, plan.height);
  for (let y = 0; y < plan.height; y++) {
    const sy = plan.crop.y + Math.min(plan.crop.height - 1, Math.floor(((y + 0.5) * plan.crop.height) / plan.height));
    for (let x = 0; x < plan.width; x++) {
      const sx = plan.crop.x + Math.min(plan.crop.width - 1, Math.floor(((x + 0.5) * plan.crop.width) / plan.width));
      const from = (sy * source.width + sx) * 4;
      out.data.set(source.data.subarray(from, from + 4), (y * plan.width + x) * 4);
    }
  }
  return ok({ bytes: encodePng(out, 1), width: plan.width, height: plan.height });
};
