/**
 * The images a request carries. Each inline image must be valid base64 of a PNG, JPEG, GIF or WebP; anything else
 * is Google's 400 "Request contains an invalid argument." ([FX:googleai/streaming-failure-image-rejected.txt]).
 */
import { readImageHeader } from '../../core/image-header.js';
import { badArgument, invalidArgument, type GoogleErrorBody } from './errors.js';
import type { GenerateRequest } from './request.js';

/** One image found in `contents`, with its 0-based place. `bytes` is null for a `fileData` image (never fetched). */
export interface InputImage {
  content: number;
  part: number;
  role: string;
  bytes: Uint8Array | null;
  width: number;
  height: number;
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Every image in the request, in order; or the 400 for a bad one or for more user images than `maxImages`. */
export function readInputImages(
  request: GenerateRequest,
  maxImages: number,
  model: string,
): InputImage[] | GoogleErrorBody {
  const images: InputImage[] = [];
  for (const [c, content] of request.contents.entries()) {
    for (const [p, part] of content.parts.entries()) {
      if (part.fileData?.mimeType.startsWith('image/')) {
        images.push({ content: c, part: p, role: content.role, bytes: null, width: 0, height: 0 });
        continue;
      }
      if (!part.inlineData || part.thought) continue;
      const { data, mimeType } = part.inlineData;
      if (!mimeType.startsWith('image/')) continue;
      const bytes = decodeBase64(data);
      const header = bytes ? readImageHeader(bytes) : null;
      if (!bytes || !header) return badArgument();
      images.push({ content: c, part: p, role: content.role, bytes, width: header.width, height: header.height });
    }
  }
  const userImages = images.filter((image) => image.role !== 'model').length;
  if (userImages > maxImages) {
    // Google's wording for this limit is not documented (docs/gemini-platform.md#error-bodies); the status is.
    return invalidArgument(
      `Too many input images: ${userImages}. models/${model} accepts at most ${maxImages} images per request.`,
      'contents',
    );
  }
  return images;
}

/**
 * The image an edit starts from: the last image of the last user turn, or else the last image anywhere (a replayed
 * model image, as in a chat). Null for text-to-image.
 */
export function sourceImage(request: GenerateRequest, images: readonly InputImage[]): InputImage | null {
  const withPixels = images.filter((image) => image.bytes !== null);
  let lastUser = -1;
  request.contents.forEach((content, index) => {
    if (content.role !== 'model') lastUser = index;
  });
  const fromLastUser = withPixels.filter((image) => image.content === lastUser);
  return fromLastUser.at(-1) ?? withPixels.at(-1) ?? null;
}

/** Standard or URL-safe base64 (both are valid proto JSON bytes), or null. */
function decodeBase64(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 4 === 1 || !BASE64.test(text)) return null;
  return Buffer.from(text, 'base64');
}
