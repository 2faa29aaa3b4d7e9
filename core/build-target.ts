/**
 * Which proxy this build of Banana Studio is for. `npm run build` (scripts/build.ts) writes the proxy's origin into
 * the manifest's `networkAccess` and injects the same facts into both bundles as `BANANA_BUILD_TARGET` (esbuild
 * `define`), because Figma blocks every origin the manifest does not list (README: "Install for a team"). Code
 * that runs unbundled (tests, the playground's own scripts) sees the development build. Which URLs a target lets the
 * plugin call is core/build-may-reach.ts.
 */

/** The proxy a build is for, and the origins its manifest lists. */
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
