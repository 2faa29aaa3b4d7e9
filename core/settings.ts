/**
 * The person's settings: which proxy to call and their team token. They live in `figma.clientStorage` on this
 * machine only (figma-api.md §4: "locally per user and per plugin id"), never in the bundle or the document.
 */
import * as z from 'zod/mini';

/** The proxy `npm start` runs (DESIGN.md §7). */
export const DEFAULT_PROXY_URL = 'http://localhost:8787';

/** Longest team token we keep; real tokens are far shorter, this only bounds what we store. */
export const MAX_TOKEN_CHARS = 500;

/** Settings as stored and as they cross from the sandbox to the panel. */
export const settingsSchema = z.strictObject({
  proxyUrl: z
    .string()
    .check(
      z.trim(),
      z.maxLength(2000, 'the proxy URL is too long'),
      z.regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'the proxy URL must start with http:// or https://'),
    ),
  token: z.string().check(z.trim(), z.maxLength(MAX_TOKEN_CHARS, `the team token is longer than ${MAX_TOKEN_CHARS}`)),
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
