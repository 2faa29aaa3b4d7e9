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
import { limitError } from './limit-error.js';
import type { CacheEntry, ReserveRequest, UsageRecord } from './store/store.js';

/** The key's owner: the person's token id with the cache per person (the default), null for the team's cache. */
export function cacheOwner(ctx: AppContext, tokenId: string): string | null {
  return ctx.config.cacheScope === 'team' ? null : tokenId;
}

/** The cached answer as a response, after its reservation; null when there is none (or the cache failed). */
export async function answerFromCache(
  ctx: AppContext,
  c: Context<AppEnv>,
  record: UsageRecord,
  key: string,
  reserve: Omit<ReserveRequest, 'estimatedCostUsd' | 'now' | 'cacheHit'>,
): Promise<Response | null> {
  let hit: CacheEntry | null;
  try {
    hit = await ctx.store.cacheGet(key, ctx.clock.now());
  } catch (error) {
    noteFault(ctx.faults, c, 'cacheReadFailed', error, ctx.config.secrets);
    return null;
  }
  if (!hit) return null;
  const now = ctx.clock.now();
  const reservation = await ctx.store.reserve({
    ...reserve,
    estimatedCostUsd: 0,
    now,
    staleBefore: now - ctx.reservationTtlMs,
    cacheHit: { rateOnly: ctx.config.cacheScope !== 'team' },
  });
  if (!reservation.ok) throw limitError(reservation.refusal, now);
  record.cached = true;
  record.savedUsd = hit.costUsd;
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
  return c.json(body);
}

/** Caches a paid answer; a failure (disk full, read-only, database away) is logged and counted, never thrown. */
export async function cacheAnswer(ctx: AppContext, c: Context<AppEnv>, key: string, entry: CacheEntry): Promise<void> {
  try {
    await ctx.store.cachePut(key, entry, ctx.clock.now(), ctx.config.cacheBytes);
  } catch (error) {
    noteFault(ctx.faults, c, 'cacheWriteFailed', error, ctx.config.secrets);
  }
}
