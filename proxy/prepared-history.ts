/**
 * A request's replayed history (live replay, docs/live-replay.md) made ready to send: its parts as given, its
 * inline images decoded and checked like input images, and what it adds to the bill (images, text).
 */
import { historyInputImageCount } from '../core/history-images.js';
import { readImageHeader } from '../core/image-header.js';
import { formatMegabytes } from '../core/input-limits.js';
import type { GenerateRequest } from '../core/proxy-schema.js';
import type { GeminiContent, GeminiPart } from './gemini-port.js';
import { imageDefect } from './image-integrity.js';
import { ProxyError } from './proxy-error.js';

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
