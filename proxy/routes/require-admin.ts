/**
 * The gate of the admin routes (`admin-api.ts`, which the admin page calls): only the admin token passes, compared
 * by hash in constant time and throttled like every token check. A valid team token is told it is the wrong kind;
 * with no `BANANA_ADMIN_TOKEN` the routes are off and say how to turn them on.
 */
import type { Context } from 'hono';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { ProxyError } from '../proxy-error.js';
import { hashToken, sameHash } from '../team-tokens.js';
import { bearerToken } from './bearer-token.js';
import { throttleTokenCheck } from './throttle-token-check.js';

/** Refuses everything but the admin token; says how to turn the routes on when there is none. */
export function requireAdmin(ctx: AppContext) {
  const expected = ctx.config.adminToken ? hashToken(ctx.config.adminToken) : null;
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    if (!expected) {
      throw new ProxyError(
        'forbidden',
        'The admin routes are off because BANANA_ADMIN_TOKEN is not set. Start the proxy with it set to a long random value, e.g. BANANA_ADMIN_TOKEN=$(openssl rand -base64 32) npm start',
      );
    }
    const given = bearerToken(c);
    if (!given) {
      throw new ProxyError('unauthorized', 'Send the admin token as "Authorization: Bearer <BANANA_ADMIN_TOKEN>".');
    }
    const client = throttleTokenCheck(ctx, c, given, ctx.adminThrottle);
    if (sameHash(hashToken(given), expected)) {
      ctx.adminThrottle.succeeded(client, ctx.clock.now());
      c.set('logFields', { ...c.get('logFields'), tokenName: 'admin' });
      await next();
      return;
    }
    if (await ctx.store.verifyToken(given, ctx.clock.now())) {
      throw new ProxyError(
        'forbidden',
        'This is a team token. The admin routes need the admin token (the value of BANANA_ADMIN_TOKEN).',
      );
    }
    ctx.adminThrottle.failed(client, ctx.clock.now());
    throw new ProxyError('unauthorized', 'This admin token is not valid. Use the value of BANANA_ADMIN_TOKEN.');
  };
}
