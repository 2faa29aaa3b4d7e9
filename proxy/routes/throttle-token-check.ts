import type { Context } from 'hono';
import { describeDuration } from '../../core/usage-periods.js';
import type { AppContext, AppEnv } from '../app-env.js';
import { clientAddress } from '../client-address.js';
import { ProxyError } from '../proxy-error.js';

/**
 * Refuses a client that has tried too many wrong tokens lately with 429 and `Retry-After`, before its token is
 * looked at, so the answer is the same for a valid and an invalid token. Returns the client's address, to report
 * the check's result against.
 */
export function throttleTokenCheck(ctx: AppContext, c: Context<AppEnv>): string {
  const client = clientAddress(c, ctx.config.trustProxyHops);
  const now = ctx.clock.now();
  const wait = ctx.authThrottle.waitMs(client, now);
  if (wait > 0) {
    throw new ProxyError(
      'limit_reached',
      `Too many wrong tokens were tried from here in the last minute. Wait ${describeDuration(wait)}, then check the token in Settings.`,
      { headers: { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) } },
    );
  }
  return client;
}
