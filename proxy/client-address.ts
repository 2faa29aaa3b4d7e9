/**
 * The address a request came from, for the token-guessing throttle. By default the TCP peer. Behind a load
 * balancer every request comes from the balancer, so with `BANANA_TRUST_PROXY_HOPS=N` the address is taken from
 * `X-Forwarded-For`, N entries from the right: the entry the nearest trusted proxy appended. Entries further left
 * were written by the client and are never trusted (anyone can send the header).
 */
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

export function clientAddress(c: Context<AppEnv>, trustedHops: number): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const entries = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[entries.length - trustedHops]?.slice(0, 64) ?? peer;
}
