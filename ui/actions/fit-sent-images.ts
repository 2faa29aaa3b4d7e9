/** The images of a turn, each shrunk where needed to what the proxy's backend takes (ui/image/fit-input-image.ts). */
import { ok, type Result } from '../../core/result.js';
import type { SentImage } from '../../core/turn-request.js';
import type { TurnExports } from './turn-exports.js';

export async function fitSentImagesAsync(
  exports: TurnExports,
  images: readonly SentImage[],
): Promise<Result<SentImage[]>> {
  const fitted: SentImage[] = [];
  for (const image of images) {
    const bytes = await exports.fitAsync(image.bytes);
    if (!bytes.ok) return bytes;
    fitted.push(bytes.value === image.bytes ? image : { ...image, bytes: bytes.value });
  }
  return ok(fitted);
}
