/**
 * The cache key of a planned `POST /v1/generate`: everything that shapes the answer (model, prompt, size, variant,
 * the input images and the replayed history, thought signatures included), hashed by `cache-key.ts`, and whose
 * cache it is: the person's own by default, the team's with `BANANA_CACHE_SCOPE=team`.
 */
import type { AppContext } from './app-context.js';
import { cacheKey } from './cache-key.js';
import type { GeneratePlan } from './generate-plan.js';

/** The key's owner: the person's token id with the cache per person (the default), null for the team's cache. */
export function cacheOwner(ctx: AppContext, tokenId: string): string | null {
  return ctx.config.cacheScope === 'team' ? null : tokenId;
}

/** The key of a planned request, or null when it skips the cache (`cache: false`, or the cache is off). */
export function planCacheKey(ctx: AppContext, tokenId: string, plan: GeneratePlan): string | null {
  if (plan.request.cache === false || ctx.config.cacheBytes <= 0) return null;
  return cacheKey({
    owner: cacheOwner(ctx, tokenId),
    model: plan.model.id,
    prompt: plan.request.prompt,
    aspectRatio: plan.request.aspectRatio ?? null,
    imageSize: plan.imageSize,
    variant: plan.request.variant ?? 0,
    images: plan.images,
    history: plan.history.map(({ content, images: decoded }) => ({
      role: content.role,
      parts: content.parts.map((part, i) => ({
        ...(part.text !== undefined ? { text: part.text } : {}),
        ...(part.thought ? { thought: true } : {}),
        ...(part.thoughtSignature !== undefined ? { thoughtSignature: part.thoughtSignature } : {}),
        ...(decoded[i] ? { image: decoded[i] } : {}),
      })),
    })),
  });
}
