/**
 * The field checks every image request goes through after its triggers, shared by `generateContent` and each inlined
 * request of a batch job (batch-routes.ts).
 */
import type { ModelInfo } from '../../core/models.js';
import type { RgbaImage } from '../../core/png.js';
import { badArgument, isGoogleErrorBody, type GoogleErrorBody } from './errors.js';
import { decodeInputImage } from './image.js';
import { readInputImages, sourceImage, type InputImage } from './input-images.js';
import type { GenerateRequest } from './request.js';
import type { Backend } from './routes.js';
import type { Triggers } from './triggers.js';
import { refuseThoughtSignatures, validateImageConfig, validateThoughtSignatures } from './validate.js';

/**
 * The checks of a generate call's fields (also each inlined request of a batch job), in Google's order: the image config, the input images, the thought
 * signatures (the Gemini API's, and `[double:invalid-signature]`'s refusal), and the image an edit starts from,
 * decoded.
 */
export function checkInputs(
  backend: Backend,
  model: ModelInfo,
  generate: GenerateRequest,
  triggers: Triggers,
): GoogleErrorBody | { images: InputImage[]; pixels: RgbaImage | null } {
  const configError = validateImageConfig(model, generate);
  if (configError) return configError;
  const images = readInputImages(generate, model.maxInputImages, model.id);
  if (isGoogleErrorBody(images)) return images;
  // Vertex "doesn't return a 400 error if a thought signature isn't returned"
  // (docs/gemini-platform.md#thought-signatures).
  const signatureError = backend === 'gemini' ? validateThoughtSignatures(model, generate) : null;
  if (signatureError) return signatureError;
  const refusedSignature = triggers.invalidSignature ? refuseThoughtSignatures(generate) : null;
  if (refusedSignature) return refusedSignature;
  const source = sourceImage(generate, images);
  const pixels = source?.bytes ? decodeInputImage(source.bytes) : null;
  if (source && !pixels) return badArgument();
  return { images, pixels };
}
