/**
 * {@link ImageFitter} without a canvas, for Node: decodes PNG with core/png.ts, crops and scales by the same
 * {@link planFit} as the browser (nearest pixel; the browser's smoothing is tested in Chromium), encodes PNG.
 */
import { appError } from '../../core/errors.js';
import { createImage, decodePng, encodePng } from '../../core/png.js';
import { fail, ok } from '../../core/result.js';
import { planFit } from '../../ui/image/fit-plan.js';
import type { ImageFitter } from '../../ui/image/image-fitter.js';

export const fitImageWithPngCodecAsync: ImageFitter = async (bytes, mimeType, target) => {
  if (mimeType !== 'image/png') return fail(appError('unsupported_image'));
  let source;
  try {
    source = decodePng(bytes);
  } catch {
    return fail(appError('unsupported_image'));
  }
  const plan = planFit(source.width, source.height, target);
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
