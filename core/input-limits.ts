/**
 * How large one inline input image may be, per backend (docs/input-limits.md). Vertex AI takes at most 7 MB per
 * inline image; the Gemini API takes a whole request of up to 100 MB, and we cap one image at 20 MiB so that a
 * few references and a base still fit. The proxy refuses an image over its backend's limit and says the limit in
 * `GET /v1/models`; the panel shrinks what it sends to fit before sending ({@link shrinkToFit}).
 */

/** Where the proxy sends its calls; the offline double stands in for the Gemini API. */
export type BackendMode = 'offline' | 'gemini' | 'vertex';

/** Vertex AI: "Maximum file size per file for inline data …: 7 MB", read as decimal megabytes to be safe. */
export const VERTEX_INLINE_IMAGE_MAX_BYTES = 7_000_000;

/** Gemini API: our own cap per image, well inside the 100 MB request limit. */
export const GEMINI_INLINE_IMAGE_MAX_BYTES = 20 * 1024 * 1024;

/** The largest inline input image, in bytes, that a backend takes. */
export function inlineImageMaxBytes(mode: BackendMode): number {
  return mode === 'vertex' ? VERTEX_INLINE_IMAGE_MAX_BYTES : GEMINI_INLINE_IMAGE_MAX_BYTES;
}

/** Sizes as a person reads them: `7 MB`, `8.5 MB`; under a megabyte in kilobytes (`13 kB`). */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000)} kB`;
  const mb = bytes / 1_000_000;
  return `${Number(mb.toFixed(1))} MB`;
}

/**
 * The pixel size to try next for a `width × height` image of `bytes` bytes that must come under `limit`. Encoded
 * size grows about with the pixel count, so each side scales by √(limit ÷ bytes), with a 10 % margin since
 * compression varies across an image; never below 1 px. Null when the image already fits.
 */
export function shrinkToFit(
  width: number,
  height: number,
  bytes: number,
  limit: number,
): { width: number; height: number } | null {
  if (bytes <= limit) return null;
  const factor = Math.sqrt(limit / bytes) * 0.9;
  return {
    width: Math.max(1, Math.floor(width * factor)),
    height: Math.max(1, Math.floor(height * factor)),
  };
}
