/**
 * The proxy's refusals for a replayed history's images, by the rule the panel plans with
 * (core/history-images.ts): thought images only in model turns, at most
 * {@link MAX_THOUGHT_IMAGES_PER_TURN} in one.
 */
import { MAX_THOUGHT_IMAGES_PER_TURN, thoughtImageFault } from '../core/history-images.js';
import type { GenerateRequest } from '../core/proxy-schema.js';
import { ProxyError } from './proxy-error.js';

export function checkThoughtImages(request: GenerateRequest): void {
  const fault = thoughtImageFault(request.history ?? []);
  if (fault?.kind === 'in_user_turn') {
    throw new ProxyError(
      'bad_request',
      'A user turn of the history holds an image marked as a thought; only the model’s turns hold thoughts. Generate again without the earlier turns.',
    );
  }
  if (fault?.kind === 'too_many') {
    throw new ProxyError(
      'too_many_images',
      `A model turn of the history holds ${fault.count} thought images; at most ${MAX_THOUGHT_IMAGES_PER_TURN} are accepted. Generate again without the earlier turns.`,
    );
  }
}
