/**
 * A build for one team: BANANA_PROXY_URL and FIGMA_PLUGIN_ID, checked, and the manifest and build target they
 * make. The build writes `dist/manifest.json` from the tracked `manifest.json` (the template, never changed), with
 * `main` and `ui` relative to dist/, because Figma reads those paths relative to the manifest it imports
 * (developers.figma.com/docs/plugins/manifest: "The relative file path to the Javascript code of your plugin").
 */
import type { BuildTarget } from '../core/build-target.js';

export interface TeamBuildSettings {
  /** BANANA_PROXY_URL: the team proxy's origin, e.g. `https://banana.example.com`. */
  proxyUrl?: string;
  /** FIGMA_PLUGIN_ID: the id Figma assigned the team's plugin (digits). */
  pluginId?: string;
}

/** The manifest fields the build reads or writes; every other field is copied as it is. */
export interface PluginManifest {
  id: string;
  main: string;
  ui: string;
  networkAccess: { allowedDomains: string[]; devAllowedDomains?: string[]; reasoning?: string };
  [field: string]: unknown;
}

/** The placeholder the tracked manifest allows until a team build names its proxy: nothing answers there. */
export const PLACEHOLDER_ORIGIN = 'https://banana-proxy.example.com';

/** Hosts that may be reached over plain http, for development against a local proxy. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Figma's plugin ids are digit strings (the manifest docs' example: "737805260747778092"). */
const PLUGIN_ID = /^[0-9]{6,30}$/;

export class BuildSettingsError extends Error {
  override name = 'BuildSettingsError';
}

/** The proxy's origin from BANANA_PROXY_URL; throws {@link BuildSettingsError} in plain words when it cannot work. */
export function proxyOriginOf(raw: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BuildSettingsError(
      `BANANA_PROXY_URL is not a web address: "${value}". Give the proxy's origin, e.g. https://banana.example.com`,
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new BuildSettingsError(
      `BANANA_PROXY_URL must start with https:// (got "${value}"); only http://localhost and http://127.0.0.1 may ` +
        'use http, for development. Host the proxy behind TLS, e.g. https://banana.example.com',
    );
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new BuildSettingsError(
      `BANANA_PROXY_URL must be the proxy's origin only, with no path, query or user (got "${value}"), ` +
        `e.g. ${url.origin}: the panel calls ${url.origin}/v1/… itself.`,
    );
  }
  return url.origin;
}

/** The plugin id from FIGMA_PLUGIN_ID; throws {@link BuildSettingsError} when it is not Figma's shape. */
export function pluginIdOf(raw: string): string {
  const value = raw.trim();
  if (!PLUGIN_ID.test(value)) {
    throw new BuildSettingsError(
      `FIGMA_PLUGIN_ID must be the numeric id Figma assigned your plugin, e.g. 737805260747778092 (got "${value}"). ` +
        'Get one in the Figma desktop app: Plugins → Development → New plugin…, or when you first publish.',
    );
  }
  return value;
}

/**
 * The manifest for `settings`, from the tracked `template`, with `main` and `ui` given relative to the output
 * folder. With no settings it is the development manifest; an https proxy needs its plugin id too, since plugin
 * data and clientStorage are keyed by the id and must not start under the development one.
 */
export function teamManifest(
  template: PluginManifest,
  settings: TeamBuildSettings,
  files: { main: string; ui: string },
): PluginManifest {
  const origin = settings.proxyUrl?.trim() ? proxyOriginOf(settings.proxyUrl) : null;
  const id = settings.pluginId?.trim() ? pluginIdOf(settings.pluginId) : null;
  if (origin && !id && origin.startsWith('https:')) {
    throw new BuildSettingsError(
      'BANANA_PROXY_URL is set but FIGMA_PLUGIN_ID is not: a team build needs the id Figma assigned your plugin ' +
        '(history is stored under it, and is lost if it changes later). Set both.',
    );
  }
  if (id && !origin) {
    throw new BuildSettingsError('FIGMA_PLUGIN_ID is set but BANANA_PROXY_URL is not: a team build needs both.');
  }
  const manifest: PluginManifest = { ...template, main: files.main, ui: files.ui, id: id ?? template.id };
  if (origin) {
    manifest.networkAccess = {
      ...template.networkAccess,
      allowedDomains: [origin],
      reasoning:
        `Sends the selected frame, reference layers and your prompt to your team's Banana Studio proxy at ${origin}, ` +
        'which calls Google Gemini to make the image.',
    };
  }
  return manifest;
}

/** What the bundles are told about `manifest`: its proxy as the default URL, and the origins it allows. */
export function buildTargetOf(manifest: PluginManifest): BuildTarget {
  const allowedOrigins = manifest.networkAccess.allowedDomains.filter((d) => d !== PLACEHOLDER_ORIGIN);
  const devOrigins = manifest.networkAccess.devAllowedDomains ?? [];
  const proxyUrl = allowedOrigins[0] ?? devOrigins[0];
  if (!proxyUrl) throw new BuildSettingsError('manifest.json allows no proxy origin: set BANANA_PROXY_URL.');
  return { proxyUrl, allowedOrigins, devOrigins };
}
