/**
 * The address a request came from, for the token-guessing throttle. By default the TCP peer. Behind a load
 * balancer every request comes from the balancer, so `X-Forwarded-For` is read, but only when the peer is one of
 * the proxies in `BANANA_TRUSTED_PROXIES` (CIDRs): a client that reaches this proxy directly cannot pick its own
 * address by writing the header. From a trusted peer the client is the rightmost entry that is not itself a
 * trusted proxy (or, with `BANANA_TRUST_PROXY_HOPS=N`, the entry N from the right, as before). Entries further
 * left were written by the client and are never trusted.
 */
import type { Context } from 'hono';
import { isIP } from 'node:net';
import type { AppEnv } from './app-env.js';
import { isTrusted } from './cidr-list.js';

/** Who may speak for the client: the proxies' CIDRs, and how many of them append to the header. */
export interface ProxyTrust {
  trustedProxies: readonly string[];
  trustProxyHops: number;
}

export function clientAddress(c: Context<AppEnv>, trust: ProxyTrust): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = plainAddress(incoming?.socket?.remoteAddress ?? 'unknown');
  if (trust.trustedProxies.length === 0 || !isTrusted(peer, trust.trustedProxies)) return peer;
  const entries = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => plainAddress(entry.trim()))
    .filter((entry) => entry !== '');
  if (trust.trustProxyHops > 0) return entries[entries.length - trust.trustProxyHops]?.slice(0, 64) ?? peer;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (!isTrusted(entries[i]!, trust.trustedProxies)) return entries[i]!.slice(0, 64);
  }
  return entries[0]?.slice(0, 64) ?? peer;
}

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.1`) is the IPv4 address. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
