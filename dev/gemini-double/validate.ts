/**
 * The checks Google makes on an image request, per model from the registry
 * (docs/gemini-platform.md#capabilities-per-model, docs/gemini-platform.md#thought-signatures,
 * docs/gemini-platform.md#one-candidate-per-call). Google never documented the wording for a bad ratio or size
 * (docs/gemini-platform.md#error-bodies); those messages are ours, the status is real.
 */
import type { ModelInfo } from '../../core/models.js';
import { invalidArgument, type GoogleErrorBody } from './errors.js';
import type { GenerateRequest } from './request.js';

/** `candidateCount`, `aspectRatio` and `imageSize` against what the model offers; null when all are fine. */
export function validateImageConfig(model: ModelInfo, request: GenerateRequest): GoogleErrorBody | null {
  if (request.candidateCount !== null && request.candidateCount > 1) {
    // 3.x says "for this model"; 2.5 named itself (gemini-cli#10370, js-genai#1609).
    const who = model.thoughtSignatures ? 'this model' : `models/${model.id}`;
    return invalidArgument(`Multiple candidates is not enabled for ${who}`, 'generation_config.candidate_count');
  }
  const { aspectRatio, imageSize } = request;
  if (aspectRatio !== null && !model.aspectRatios.includes(aspectRatio)) {
    return invalidArgument(
      `Unsupported aspect ratio: ${aspectRatio}. Supported values for models/${model.id} are: ${model.aspectRatios.join(', ')}.`,
      'generation_config.image_config.aspect_ratio',
    );
  }
  if (imageSize !== null && model.imageSizes.length === 0) {
    return invalidArgument(
      `Image size is not supported for models/${model.id}.`,
      'generation_config.image_config.image_size',
    );
  }
  // Exact match only: "Lowercase parameters (e.g., 1k) will be rejected" [IMG-DOC].
  if (imageSize !== null && !(model.imageSizes as readonly string[]).includes(imageSize)) {
    return invalidArgument(
      `Unsupported image size: ${imageSize}. Supported values for models/${model.id} are: ${model.imageSizes.join(', ')}.`,
      'generation_config.image_config.image_size',
    );
  }
  return null;
}

/**
 * A replayed model turn must carry the thought signatures Gemini 3 handed out: on every image part that is not a
 * thought, and on the first text part when it comes before any image [IMG-DOC "Thought Signatures"]. Positions in
 * the message are 1-based (js-genai#1116). Null when the turn is fine or the model does not sign.
 */
export function validateThoughtSignatures(model: ModelInfo, request: GenerateRequest): GoogleErrorBody | null {
  if (!model.thoughtSignatures) return null;
  for (const [c, content] of request.contents.entries()) {
    if (content.role !== 'model') continue;
    let seenImage = false;
    let seenText = false;
    for (const [p, part] of content.parts.entries()) {
      if (part.thought) continue;
      const isImage = part.inlineData?.mimeType.startsWith('image/') ?? false;
      const needsSignature = isImage || (part.text !== null && !seenText && !seenImage);
      if (needsSignature && part.thoughtSignature === null) {
        const kind = isImage ? 'Image' : 'Text';
        return invalidArgument(
          `${kind} part is missing a thought_signature in content position ${c + 1}, part position ${p + 1}.`,
        );
      }
      if (isImage) seenImage = true;
      if (part.text !== null) seenText = true;
    }
  }
  return null;
}

/**
 * `[double:invalid-signature]`: the first signed part of a replayed model turn is refused as Gemini refuses a signature
 * it will not take ("Invalid thought signature" after a model switch, docs/gemini-platform.md#thought-signatures; the
 * rest of the wording is ours). Null when no model turn carries a signature, so the same prompt sent stateless
 * succeeds.
 */
export function refuseThoughtSignatures(request: GenerateRequest): GoogleErrorBody | null {
  for (const [c, content] of request.contents.entries()) {
    if (content.role !== 'model') continue;
    const p = content.parts.findIndex((part) => part.thoughtSignature !== null);
    if (p >= 0) {
      return invalidArgument(`Invalid thought signature in content position ${c + 1}, part position ${p + 1}.`);
    }
  }
  return null;
}
