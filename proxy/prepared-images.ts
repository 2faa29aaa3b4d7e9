/**
 * A request's input images decoded once (for the size check, the real MIME type and the cache key), each refused
 * in words when it is too large, not a PNG, JPEG or WebP, or damaged.
 */
import { readImageHeader } from '../core/image-header.js';
import { formatMegabytes } from '../core/input-limits.js';
import type { GenerateRequest } from '../core/proxy-schema.js';
import { imageDefect } from './image-integrity.js';
import { ProxyError } from './proxy-error.js';

/** One input image, decoded, with the MIME type its header says (not the one declared). */
export interface PreparedImage {
  role: string;
  base64: string;
  bytes: Uint8Array;
  mimeType: string;
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
