/**
 * {@link ImageFitter} in the browser: `createImageBitmap` decodes, a canvas crops and scales with high-quality
 * smoothing, `toBlob` encodes PNG (docs/figma-platform.md#images-at-most-4096-px: createImage takes PNG, JPEG or GIF,
 * not WebP). An answer that needs no crop and no scale goes to Figma as the very bytes the model sent, PNG or JPEG
 * (Gemini 3 answers JPEG).
 */
import { appError } from '../../core/errors.js';
import { fail, ok } from '../../core/result.js';
import { isIdentityPlan, placeableAsIs, planFit } from './fit-plan.js';
import type { ImageFitter } from './image-fitter.js';

export const fitImageWithCanvasAsync: ImageFitter = async (bytes, mimeType, target) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  } catch {
    return fail(appError('unsupported_image', 'The result image could not be read. Try again.'));
  }
  try {
    const plan = planFit(bitmap.width, bitmap.height, target);
    if (placeableAsIs(bytes) && isIdentityPlan(plan, bitmap.width, bitmap.height)) {
      return ok({ bytes, width: bitmap.width, height: bitmap.height });
    }
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const context = canvas.getContext('2d');
    if (!context) return fail(appError('internal_error', 'The panel could not get a canvas to fit the image.'));
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    const { crop } = plan;
    context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, plan.width, plan.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return fail(appError('internal_error', 'The panel could not encode the result as PNG.'));
    return ok({ bytes: new Uint8Array(await blob.arrayBuffer()), width: plan.width, height: plan.height });
  } finally {
    bitmap.close();
  }
};
