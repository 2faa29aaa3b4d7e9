/**
 * Thought images in a replayed history. They are the model's own drafts (Gemini 3 "generates up to two interim
 * images", and callers have seen up to ten image parts in one answer: docs/live-replay.md), sent back as part of
 * its turn, so they do not count as input images; but a client could flag any image `thought` to slip it past the
 * input cap. So a thought image is accepted only in a model content, and at most
 * {@link MAX_THOUGHT_IMAGES_PER_TURN} of them in one.
 */
import type { GenerateRequest } from '../core/proxy-schema.js';
import { ProxyError } from './proxy-error.js';

/** Most thought images one model content may carry back: the most image parts seen in one answer. */
export const MAX_THOUGHT_IMAGES_PER_TURN = 10;

export function checkThoughtImages(request: GenerateRequest): void {
  for (const content of request.history ?? []) {
    const thoughts = content.parts.filter((part) => part.inlineData && part.thought).length;
    if (thoughts > 0 && content.role !== 'model') {
      throw new ProxyError(
        'bad_request',
        'A user turn of the history holds an image marked as a thought; only the model’s turns hold thoughts. Generate again without the earlier turns.',
      );
    }
    if (thoughts > MAX_THOUGHT_IMAGES_PER_TURN) {
      throw new ProxyError(
        'too_many_images',
        `A model turn of the history holds ${thoughts} thought images; at most ${MAX_THOUGHT_IMAGES_PER_TURN} are accepted. Generate again without the earlier turns.`,
      );
    }
  }
}
