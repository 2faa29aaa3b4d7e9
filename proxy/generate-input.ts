/**
 * A `POST /v1/generate` body made ready to send: parsed against the shared schema, checked against the model's
 * capabilities, and its images decoded once (for the size check, the real MIME type and the cache key).
 */
import type { Context } from 'hono';
import { historyInputImageCount } from '../core/history-images.js';
import { readImageHeader } from '../core/image-header.js';
import { formatMegabytes } from '../core/input-limits.js';
import { findModel, sizesOf, type ImageSize, type ModelInfo, type ModelRegistry } from '../core/models.js';
import { describeIssue, generateRequestSchema, type GenerateRequest } from '../core/proxy-schema.js';
import type { AppEnv } from './app-env.js';
import type { GeminiContent, GeminiPart } from './gemini-port.js';
import { checkThoughtImages } from './history-caps.js';
import { imageDefect } from './image-integrity.js';
import { ProxyError } from './proxy-error.js';

/**
 * The 413 text for a body over the limit, both sizes in megabytes (MiB, as `BANANA_MAX_BODY_MB` counts them): the
 * request's own size when its `Content-Length` says it, else only the limit. The whole body is budgeted, history
 * and thought signatures included; no single part has a cap of its own (docs/live-replay.md "Size").
 */
export function bodyTooLargeMessage(contentLength: number | null, maxBodyBytes: number): string {
  const limit = `${mebibytes(maxBodyBytes)} MB`;
  const size =
    contentLength !== null && Number.isFinite(contentLength) && contentLength > maxBodyBytes
      ? `The request is ${mebibytes(contentLength)} MB; this proxy takes at most ${limit}.`
      : `The request is larger than ${limit}, the most this proxy takes.`;
  return `${size} Use a smaller frame, a lower export scale or fewer reference images.`;
}

/**
 * Bytes in MiB, as `BANANA_MAX_BODY_MB` counts them: whole numbers as they are, others to one decimal. (Image
 * limits are decimal megabytes, as Google states them: core/input-limits.ts.)
 */
function mebibytes(bytes: number): string {
  const mb = bytes / 1048576;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** One input image, decoded, with the MIME type its header says (not the one declared). */
export interface PreparedImage {
  role: string;
  base64: string;
  bytes: Uint8Array;
  mimeType: string;
}

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
async function readBodyText(c: Context<AppEnv>): Promise<string> {
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

/**
 * Decodes each input image and reads its real type from its header. `maxBytes` is the backend's limit for one
 * inline image (core/input-limits.ts).
 */
export function prepareImages(request: GenerateRequest, maxBytes: number): PreparedImage[] {
  return (request.images ?? []).map((image, index) => {
    const bytes = Buffer.from(image.data, 'base64');
    if (bytes.length > maxBytes) {
      throw new ProxyError(
        'image_too_large',
        `Image ${index + 1} is ${formatMegabytes(bytes.length)}; this proxy's Gemini backend takes at most ${formatMegabytes(maxBytes)} per image. Use a smaller frame or a lower export scale.`,
      );
    }
    const header = readImageHeader(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (!header || header.mimeType === 'image/gif') {
      throw new ProxyError(
        'unsupported_image',
        `Image ${index + 1} is not a PNG, JPEG or WebP image Banana Studio can send.`,
      );
    }
    const defect = imageDefect(bytes, header);
    if (defect) {
      throw new ProxyError(
        defect.tooLarge ? 'image_too_large' : 'unsupported_image',
        `Image ${index + 1} ${defect.reason}. Export it again from Figma and retry.`,
      );
    }
    return { role: image.role, base64: image.data, bytes, mimeType: header.mimeType };
  });
}

/** One replayed content: as it goes to Gemini, and each inline image decoded (for the checks and the cache key). */
export interface PreparedHistoryContent {
  content: GeminiContent;
  /** Per part, in order: the decoded bytes of an inline image, or null for text. */
  images: (Uint8Array | null)[];
}

/**
 * The request's `history` ready to send (docs/live-replay.md): each part exactly as given (signatures untouched),
 * each inline image decoded and checked like an input image. Empty for a stateless turn.
 */
export function prepareHistory(request: GenerateRequest, maxBytes: number): PreparedHistoryContent[] {
  let n = 0;
  return (request.history ?? []).map((content) => ({
    content: { role: content.role, parts: content.parts.map((part) => ({ ...part }) as GeminiPart) },
    images: content.parts.map((part) => {
      if (!part.inlineData) return null;
      n++;
      return checkedImage(part.inlineData.data, `Image ${n} of the earlier turns`, maxBytes);
    }),
  }));
}

/** Inline images in the history that are not thoughts, of either role: what Gemini bills as input images. */
export function historyImageCount(request: GenerateRequest): number {
  return historyInputImageCount(request.history ?? []);
}

/** Characters of text in the history (for the cost estimate). */
export function historyTextChars(request: GenerateRequest): number {
  let chars = 0;
  for (const content of request.history ?? []) {
    for (const part of content.parts) if (!part.thought) chars += part.text?.length ?? 0;
  }
  return chars;
}

function checkedImage(base64: string, name: string, maxBytes: number): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes) {
    throw new ProxyError(
      'image_too_large',
      `${name} is ${formatMegabytes(bytes.length)}; this proxy's Gemini backend takes at most ${formatMegabytes(maxBytes)} per image. Use a smaller size.`,
    );
  }
  const header = readImageHeader(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (!header || header.mimeType === 'image/gif') {
    throw new ProxyError('unsupported_image', `${name} is not a PNG, JPEG or WebP image Banana Studio can send.`);
  }
  const defect = imageDefect(bytes, header);
  if (defect) {
    throw new ProxyError(
      defect.tooLarge ? 'image_too_large' : 'unsupported_image',
      `${name} ${defect.reason}. Generate again to send the turn without its earlier turns.`,
    );
  }
  return bytes;
}
