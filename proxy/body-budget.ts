/**
 * Bounded memory for request bodies. A body is refused by its `Content-Length` before a byte of it is read when
 * it is over `BANANA_MAX_BODY_MB`, or when taking it would put more than `BANANA_MAX_BUFFERED_PER_PERSON_MB` of
 * bodies in memory for one token, or `BANANA_MAX_BUFFERED_MB` over everyone. A body without a length (chunked) is
 * counted as it arrives and cut off at the first byte over any of them. The bytes are given back when the
 * request ends. So ten 60 MB uploads from one token hold at most the person's share, not ten times the body limit.
 */
import type { Context } from 'hono';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { bodyTooLargeMessage } from './generate-input.js';
import { ProxyError } from './proxy-error.js';

/** Which cap a body would pass: the person's own, or everyone's together. */
export type OverBudget = 'person' | 'total';

export interface BodyBudget {
  /** Takes `bytes` for `key`; or, taking nothing, says which cap they would pass. */
  take(key: string, bytes: number): OverBudget | null;
  give(key: string, bytes: number): void;
}

export function createBodyBudget(options: { total: number; perKey: number }): BodyBudget {
  const held = new Map<string, number>();
  let total = 0;
  return {
    take(key, bytes) {
      const mine = held.get(key) ?? 0;
      if (mine + bytes > options.perKey) return 'person';
      if (total + bytes > options.total) return 'total';
      held.set(key, mine + bytes);
      total += bytes;
      return null;
    },
    give(key, bytes) {
      const left = (held.get(key) ?? 0) - bytes;
      if (left > 0) held.set(key, left);
      else held.delete(key);
      total -= bytes;
    },
  };
}

const MIB = 1024 * 1024;

/**
 * The refusal of a body over the body limit (413), the person's share (429) or everyone's (503). `declared` is
 * the request's `Content-Length` when it sent one, so the 413 can name the request's own size.
 */
export function bodyRefusal(ctx: AppContext, over: OverBudget | 'body', declared: number | null = null): ProxyError {
  const retry = { headers: { 'Retry-After': '5' } };
  switch (over) {
    case 'body':
      return new ProxyError('request_too_large', bodyTooLargeMessage(declared, ctx.config.maxBodyBytes));
    case 'person':
      return new ProxyError(
        'limit_reached',
        `Your requests being uploaded right now would hold more than ${Math.round(ctx.config.maxBufferedPerPersonBytes / MIB)} MB, your share of the proxy's memory. Wait for them to finish, then try again.`,
        retry,
      );
    case 'total':
      return new ProxyError(
        'proxy_busy',
        'The team proxy is receiving too many large requests at once right now. Try again in a few seconds.',
        retry,
      );
  }
}

/** Middleware after the token check: holds the body's bytes against the budget for the length of the request. */
export function budgetedBody(ctx: AppContext) {
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    const key = c.get('owner').id;
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (Number.isFinite(declared) && !c.req.header('transfer-encoding')) {
      const over = ctx.bodyBudget.take(key, declared);
      if (over) throw bodyRefusal(ctx, over);
      try {
        return await next();
      } finally {
        ctx.bodyBudget.give(key, declared);
      }
    }
    let taken = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const over =
            taken + chunk.byteLength > ctx.config.maxBodyBytes ? 'body' : ctx.bodyBudget.take(key, chunk.byteLength);
          if (over) return controller.error(bodyRefusal(ctx, over));
          taken += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    try {
      await next();
    } finally {
      ctx.bodyBudget.give(key, taken);
    }
  };
}

/** Refuses by `Content-Length` alone, before anything is read (or the token looked at). */
export function declaredLengthLimit(ctx: AppContext) {
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > ctx.config.maxBodyBytes) throw bodyRefusal(ctx, 'body', declared);
    await next();
  };
}
