/**
 * A `POST /v1/generate` body read and checked: parsed against the shared schema, its model found, and checked
 * against the model's capabilities. Its images are decoded in `prepared-images.ts` and `prepared-history.ts`.
 */
import type { Context } from 'hono';
import { findModel, sizesOf, type ImageSize, type ModelInfo, type ModelRegistry } from '../core/models.js';
import { describeIssue, generateRequestSchema, type GenerateRequest } from '../core/proxy-schema.js';
import type { AppEnv } from './app-env.js';
import { checkThoughtImages } from './history-caps.js';
import { historyImageCount } from './prepared-history.js';
import { ProxyError } from './proxy-error.js';

/** Reads the JSON body and validates it against the shared schema. */
export async function readGenerateRequest(c: Context<AppEnv>): Promise<GenerateRequest> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ProxyError('bad_request', 'Send the request as JSON with "Content-Type: application/json".');
  }
  const text = await readBodyText(c);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = generateRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ProxyError('bad_request', `The request is not valid: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

/**
 * The body as text. A client that goes away mid-upload is `cancelled` (nothing reached Gemini, nothing is billed),
 * not an error of the proxy's: an abandoned upload must not count as a 500.
 */
export async function readBodyText(c: Context<AppEnv>): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    throw new ProxyError(
      'cancelled',
      'The upload was cut off before the whole request arrived. Nothing was sent to Gemini.',
    );
  }
}

/** The model asked for, or the registry's default. */
export function resolveModel(registry: ModelRegistry, request: GenerateRequest): ModelInfo {
  const model = findModel(registry, request.model ?? registry.defaultModel);
  if (!model) {
    const ids = registry.models.map((m) => m.id).join(', ');
    throw new ProxyError(
      'unknown_model',
      `The model "${request.model}" is not offered by this proxy. Use one of: ${ids}.`,
    );
  }
  return model;
}

/** Checks ratio, size and image count against the model; returns the size to use. */
export function checkCapabilities(model: ModelInfo, request: GenerateRequest): ImageSize {
  if (request.aspectRatio && !model.aspectRatios.includes(request.aspectRatio)) {
    throw new ProxyError(
      'unsupported_parameter',
      `${model.label} does not offer the aspect ratio ${request.aspectRatio}. Use one of: ${model.aspectRatios.join(', ')}.`,
    );
  }
  const sizes = sizesOf(model);
  const imageSize = request.imageSize ?? model.defaultImageSize;
  if (!sizes.includes(imageSize)) {
    throw new ProxyError(
      'unsupported_parameter',
      `${model.label} does not offer the size ${imageSize}. Use one of: ${sizes.join(', ')}.`,
    );
  }
  // Every image Gemini reads as input counts, replayed ones of either role too: a model turn is only the client's
  // word, and images in a forged one must not slip past the cap (thought images: `history-caps.ts`).
  checkThoughtImages(request);
  const count = (request.images?.length ?? 0) + historyImageCount(request);
  if (count > model.maxInputImages) {
    throw new ProxyError(
      'too_many_images',
      `${model.label} takes at most ${model.maxInputImages} input images; this request has ${count}. Remove some references and try again.`,
    );
  }
  return imageSize;
}
