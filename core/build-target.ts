/**
 * Which proxy this build of Banana Studio is for. `npm run build` (scripts/build.ts) writes the proxy's origin into
 * the manifest's `networkAccess` and injects the same facts into both bundles as `BANANA_BUILD_TARGET` (esbuild
 * `define`), because Figma blocks every origin the manifest does not list (README: "Install for a team"). Code
 * that runs unbundled (tests, the playground's own scripts) sees the development build.
 *
 * Pure string work, no `URL`: this also runs in Figma's sandbox, which has no web APIs.
 */

export interface BuildTarget {
  /** The proxy URL a fresh install starts with. */
  proxyUrl: string;
  /** Origins in the manifest's `allowedDomains`: reachable in published and development runs. */
  allowedOrigins: readonly string[];
  /** Origins in `devAllowedDomains`: reachable only while the plugin runs in development. */
  devOrigins: readonly string[];
}

declare const BANANA_BUILD_TARGET: BuildTarget | undefined;

/** What the tracked manifest.json allows: only the proxy `npm start` runs, in development. */
export const DEVELOPMENT_TARGET: BuildTarget = Object.freeze({
  proxyUrl: 'http://localhost:8787',
  allowedOrigins: [],
  devOrigins: ['http://localhost:8787'],
});

/** The target this bundle was built for. */
export const BUILD_TARGET: BuildTarget =
  typeof BANANA_BUILD_TARGET === 'undefined' ? DEVELOPMENT_TARGET : BANANA_BUILD_TARGET;

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

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? 'no proxy')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
