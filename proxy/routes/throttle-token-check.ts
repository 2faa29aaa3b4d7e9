import type { Context } from 'hono';
import { describeDuration } from '../../core/usage-periods.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import type { AuthThrottle } from '../auth-throttle.js';
import { clientAddress } from '../client-address.js';
import { ProxyError } from '../proxy-error.js';
import { TEAM_TOKEN_PREFIX } from '../team-tokens.js';

/** A team token as the admin CLI makes them: `bnn_` and 32 base64url characters (192 random bits). */
const STRONG_TOKEN = new RegExp(`^${TEAM_TOKEN_PREFIX}[A-Za-z0-9_-]{32}$`);

/**
 * Refuses a client that has tried too many wrong tokens lately with 429 and `Retry-After`, before its token is
 * looked at, so the answer is the same for a valid and an invalid weak token (a static dev token, the admin
 * token). A token in the team-token format is still looked up: 192 random bits cannot be guessed at any rate, so
 * answering it says nothing a guesser can use, and a designer behind the same office NAT as a guesser still signs
 * in. Returns the client's address, to report the check's result against.
 */
export function throttleTokenCheck(
  ctx: AppContext,
  c: Context<AppEnv>,
  token: string,
  throttle: AuthThrottle = ctx.authThrottle,
): string {
  const client = clientAddress(c, ctx.config);
  const now = ctx.clock.now();
  const wait = throttle.waitMs(client, now);
  if (wait > 0 && !STRONG_TOKEN.test(token)) {
    throw new ProxyError(
      'limit_reached',
      `Too many wrong tokens were tried from here in the last minute. Wait ${describeDuration(wait)}, then check the token in Settings.`,
      { headers: { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) } },
    );
  }
  return client;
}
