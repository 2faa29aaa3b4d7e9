/**
 * The cache key of a generate request: SHA-256 over its canonical form. Everything that changes the answer is in
 * it (model, prompt, aspect ratio, size, each input image's bytes and role in order, the variant index) and
 * nothing that does not: `imageSize` is the resolved size, so leaving it out and sending the default are the
 * same request; images are hashed from their decoded bytes, so two base64 spellings of one image are too.
 *
 * A replayed call (docs/live-replay.md) also keys on its `history`: every content's role and every part in order,
 * text, thought flag, thought signature and the image's bytes. A stateless request has no `history` in its
 * canonical form at all, so its key is the one it had before replay existed. With the cache per person (the
 * default) the key also holds the person's token id, so nobody is answered from, or learns about, a teammate's.
 */
import { createHash } from 'node:crypto';

/** Bump when the canonical form changes, so old entries stop matching instead of answering wrongly. */
const KEY_VERSION = 'banana-cache-v1';

export interface CacheKeyInput {
  /** Whose answers this key may find: a person's token id (`BANANA_CACHE_SCOPE=person`), or null for the team. */
  owner?: string | null;
  model: string;
  prompt: string;
  aspectRatio: string | null;
  imageSize: string;
  variant: number;
  images: readonly { role: string; bytes: Uint8Array }[];
  /** Earlier contents replayed before the new turn; absent or empty for a stateless turn. */
  history?: readonly CacheKeyContent[];
}

/** One replayed content as the key sees it: parts in order, each image by its decoded bytes. */
export interface CacheKeyContent {
  role: string;
  parts: readonly { text?: string; thought?: boolean; thoughtSignature?: string; image?: Uint8Array }[];
}

/** 64 hex digits. */
export function cacheKey(input: CacheKeyInput): string {
  const canonical = JSON.stringify({
    v: KEY_VERSION,
    ...(input.owner ? { owner: input.owner } : {}),
    model: input.model,
    prompt: input.prompt,
    aspectRatio: input.aspectRatio,
    imageSize: input.imageSize,
    variant: input.variant,
    images: input.images.map((image) => ({
      role: image.role,
      sha256: createHash('sha256').update(image.bytes).digest('hex'),
    })),
    ...(input.history && input.history.length > 0
      ? {
          history: input.history.map((content) => ({
            role: content.role,
            parts: content.parts.map((part) => ({
              text: part.text ?? null,
              thought: part.thought ?? false,
              signature: part.thoughtSignature ?? null,
              sha256: part.image ? createHash('sha256').update(part.image).digest('hex') : null,
            })),
          })),
        }
      : {}),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
