/**
 * Which URLs a build of Banana Studio may call (core/build-target.ts): Figma blocks every origin the manifest does not
 * list, so a call elsewhere fails whatever the network does, and the designer is told which addresses this build can
 * reach instead.
 *
 * Pure string work, no `URL`: this also runs in Figma's sandbox, which has no web APIs.
 */
import type { BuildTarget } from './build-target.js';

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** `scheme://host[:port]` of an http(s) URL, lower-cased and without a default port; null when it is not one. */
export function originOf(url: string): string | null {
  const match = /^(https?):\/\/([^\s/?#@]+)(?:[/?#]\S*)?$/i.exec(url.trim());
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const hostPort = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(match[2]!);
  if (!hostPort) return null;
  const host = hostPort[1]!.toLowerCase();
  const port = hostPort[2];
  return port && port !== DEFAULT_PORTS[scheme] ? `${scheme}://${host}:${port}` : `${scheme}://${host}`;
}

/** True when Figma lets this build call `url` (in development, when it is a `devAllowedDomains` origin). */
export function buildMayReach(target: BuildTarget, url: string): boolean {
  const origin = originOf(url);
  return origin !== null && [...target.allowedOrigins, ...target.devOrigins].includes(origin);
}

/** The origins this build may call, in words: "https://a (and http://localhost:8787 in development)". */
export function reachableOrigins(target: BuildTarget): string {
  const { allowedOrigins, devOrigins } = target;
  if (allowedOrigins.length === 0) return `${orList(devOrigins)} (it is a development build)`;
  return `${orList(allowedOrigins)}${devOrigins.length > 0 ? ` (and ${orList(devOrigins)} in development)` : ''}`;
}

/**
 * What the designer reads when a call to `url` failed and `url` is not one this build may call: Figma's content
 * security policy blocks it, so "check your connection" would send them the wrong way.
 */
export function notAllowedMessage(target: BuildTarget, url: string): string {
  const several = (target.allowedOrigins.length || target.devOrigins.length) > 1;
  return (
    `Could not reach ${url}: this build of Banana Studio may only reach ${reachableOrigins(target)}; ask your ` +
    `admin for a build for your proxy, or use ${several ? 'one of those addresses' : 'that address'}.`
  );
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? 'no proxy')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
