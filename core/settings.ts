/**
 * The person's settings: which proxy to call and their team token. They live in `figma.clientStorage` on this
 * machine only (docs/figma-platform.md#clientstorage: per user and per plugin id), never in the bundle or the document.
 */
import * as z from 'zod/mini';
import { BUILD_TARGET } from './build-target.js';

/** The proxy this build is for (core/build-target.ts); in development, the one `npm start` runs. */
export const DEFAULT_PROXY_URL = BUILD_TARGET.proxyUrl;

/** An http(s) URL with a host: what a proxy URL has to look like before anything else is checked. */
const PROXY_URL_SHAPE = /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i;

/** Longest team token we keep; real tokens are far shorter, this only bounds what we store. */
export const MAX_TOKEN_CHARS = 500;

/** Settings as stored and as they cross from the sandbox to the panel. */
export const settingsSchema = z.strictObject({
  proxyUrl: z.string().check(
    z.trim(),
    z.maxLength(2000, 'the proxy URL is too long'),
    z.refine(
      (url) => PROXY_URL_SHAPE.test(url),
      'the proxy URL must be a web address such as https://banana.example.com',
    ),
  ),
  token: z.string().check(z.trim(), z.maxLength(MAX_TOKEN_CHARS, `the team token is longer than ${MAX_TOKEN_CHARS}`)),
  /** The Brand toggle (docs/brand.md): the file's brand goes with each turn only while it is on. Off when absent. */
  brand: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a fresh install starts with: the local proxy and no token. */
export const DEFAULT_SETTINGS: Settings = { proxyUrl: DEFAULT_PROXY_URL, token: '' };

/** Stored settings, or the defaults when nothing (or something unreadable) is stored. */
export function settingsOrDefault(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** The proxy URL without trailing slashes, so paths can be appended with one `/`. */
export function proxyBaseUrl(settings: Settings): string {
  return settings.proxyUrl.replace(/\/+$/, '');
}

/**
 * Plain words for a proxy URL that is not a web address, or null when it is one. Settings say this rather than
 * zod's issue, which names the field and the check, not what to type.
 */
export function proxyUrlProblem(raw: string): string | null {
  const url = raw.trim();
  if (url === '')
    return 'The proxy URL is empty. Paste the address your admin gave you, e.g. https://banana.example.com.';
  if (PROXY_URL_SHAPE.test(url)) return null;
  const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^https?:/i.test(url) ? ' It has to start with https://.' : '';
  return (
    `"${url}" is not a web address.${hint} Paste the proxy's full address, starting with https:// ` +
    '(or http://localhost for a proxy on this computer), e.g. https://banana.example.com.'
  );
}
