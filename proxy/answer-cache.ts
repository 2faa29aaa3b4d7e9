/**
 * The cache as `POST /v1/generate` uses it. A hit is a request like any other for the limits: it reserves a row
 * that holds no image and counts toward the rate (with the cache per person, only the rate is checked: it is the
 * person's own answer; with the team's cache every limit is, so a person with no images left is told so even when
 * a teammate's answer is there). A cache that cannot be read or written is skipped, never a failed request.
 */
import type { Context } from 'hono';
import type { GenerateResponse } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { noteFault } from './fault-counts.js';
import { cacheKey } from './cache-key.js';
import type { GeneratePlan, PlannedReservation } from './generate-plan.js';
import { reserveRequest } from './reserve-request.js';
import type { CacheEntry } from './store/store.js';

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

/** A cached answer: the body to send, and what the original answer cost (each hit saves that much). */
export interface CacheHit {
  body: GenerateResponse;
  savedUsd: number;
}

/** The cached answer, after its reservation; null when there is none (or the cache failed). */
export async function answerFromCache(
  ctx: AppContext,
  c: Context<AppEnv>,
  key: string,
  planned: PlannedReservation,
): Promise<CacheHit | null> {
  let hit: CacheEntry | null;
  try {
    hit = await ctx.store.cacheGet(key, ctx.clock.now());
  } catch (error) {
    noteFault(ctx.faults, c, 'cacheReadFailed', error, ctx.config.secrets);
    return null;
  }
  if (!hit) return null;
  await reserveRequest(ctx, planned, 0, { rateOnly: ctx.config.cacheScope !== 'team' });
  // A cached answer has no modelTurn (the cache keeps only the image): the panel then continues it stateless.
  const body: GenerateResponse = {
    image: {
      data: Buffer.from(hit.bytes.buffer, hit.bytes.byteOffset, hit.bytes.byteLength).toString('base64'),
      mimeType: hit.mimeType,
      width: hit.width,
      height: hit.height,
    },
    ...(hit.text ? { text: hit.text } : {}),
    model: hit.model,
    usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 },
    cached: true,
  };
  return { body, savedUsd: hit.costUsd };
}

/** Caches a paid answer; a failure (disk full, read-only, database away) is logged and counted, never thrown. */
export async function cacheAnswer(
  ctx: AppContext,
  c: Context<AppEnv>,
  key: string,
  body: GenerateResponse,
): Promise<void> {
  const entry: CacheEntry = {
    bytes: Buffer.from(body.image.data, 'base64'),
    mimeType: body.image.mimeType,
    width: body.image.width,
    height: body.image.height,
    text: body.text ?? null,
    model: body.model,
    costUsd: body.usage.costUsd,
  };
  try {
    await ctx.store.cachePut(key, entry, ctx.clock.now(), ctx.config.cacheBytes);
  } catch (error) {
    noteFault(ctx.faults, c, 'cacheWriteFailed', error, ctx.config.secrets);
  }
}
