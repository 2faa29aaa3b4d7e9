/**
 * Shrinks an input image until it is no larger than the backend takes (core/input-limits.ts): a frame exported
 * at 4096 px with noise or photos can pass Vertex AI's 7 MB per inline image. The image is scaled down (the model
 * sees fewer pixels; the result is still made at the size asked for and placed at the frame's size) and flattened
 * onto white like every image the panel sends. An image that already fits goes unchanged, byte for byte.
 */
import { appError } from '../../core/errors.js';
import { readImageHeader } from '../../core/image-header.js';
import { formatMegabytes, shrinkToFit } from '../../core/input-limits.js';
import { PngError } from '../../core/png.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { PixelCodec } from './pixel-codec.js';

/** Tries before giving up: each shrinks by √(limit ÷ size) with a margin, so one or two nearly always do. */
const MAX_TRIES = 4;

/** `png` itself when it fits in `maxBytes`, else a smaller PNG of the same image that does. */
export async function fitInputImageAsync(
  codec: PixelCodec,
  png: Uint8Array,
  maxBytes: number,
): Promise<Result<Uint8Array>> {
  if (png.length <= maxBytes) return ok(png);
  const header = readImageHeader(png);
  if (!header || header.mimeType !== 'image/png') {
    return fail(appError('unsupported_image', 'Figma did not return a PNG for this layer. Try again.'));
  }
  let image;
  try {
    image = await codec.decodeExact(png);
  } catch (error) {
    if (error instanceof PngError) return fail(appError('unsupported_image', 'This layer’s image could not be read.'));
    throw error;
  }
  const whole = { x: 0, y: 0, width: image.width, height: image.height };
  let current = { width: image.width, height: image.height, bytes: png.length };
  for (let i = 0; i < MAX_TRIES; i++) {
    const size = shrinkToFit(current.width, current.height, current.bytes, maxBytes);
    if (!size) break;
    const encoded = await codec.encodeToSend(image, whole, size.width, size.height);
    if (encoded.length <= maxBytes) return ok(encoded);
    current = { ...size, bytes: encoded.length };
  }
  return fail(
    appError(
      'image_too_large',
      `An image is still larger than the ${formatMegabytes(maxBytes)} the proxy’s Gemini backend takes, even made smaller. Use a smaller frame.`,
    ),
  );
}
