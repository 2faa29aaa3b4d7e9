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
import { bodyRefusal } from './body-refusal.js';

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
