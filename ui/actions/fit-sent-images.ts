/** The images of a turn, each shrunk where needed to what the proxy's backend takes (ui/image/fit-input-image.ts). */
import { ok, type Result } from '../../core/result.js';
import { fitInputImageAsync } from '../image/fit-input-image.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { AppDeps } from './deps.js';
import type { SentImage } from '../../core/turn-request.js';

export async function fitSentImagesAsync(deps: AppDeps, images: readonly SentImage[]): Promise<Result<SentImage[]>> {
  const maxBytes = deps.state.inlineImageMaxBytes.peek();
  const codec = deps.pixels ?? pureCodec;
  const fitted: SentImage[] = [];
  for (const image of images) {
    const bytes = await fitInputImageAsync(codec, image.bytes, maxBytes);
    if (!bytes.ok) return bytes;
    fitted.push(bytes.value === image.bytes ? image : { ...image, bytes: bytes.value });
  }
  return ok(fitted);
}
