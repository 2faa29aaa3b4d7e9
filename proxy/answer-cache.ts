/**
 * The cache as `POST /v1/generate` uses it. A hit is a request like any other for the limits: it reserves a row
 * that holds no image and counts toward the rate (with the cache per person, only the rate is checked: it is the
 * person's own answer; with the team's cache every limit is, so a person with no images left is told so even when
 * a teammate's answer is there). A cache that cannot be read or written is skipped, never a failed request. The
 * key of a request is `plan-cache-key.ts`'s.
 */
import type { Context } from 'hono';
import type { GenerateResponse } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { noteFault } from './fault-counts.js';
import type { PlannedReservation } from './generate-plan.js';
import { reserveRequest } from './reserve-request.js';
import type { CacheEntry } from './store/store.js';

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
