/**
 * Plain constants that cross every boundary, with no zod import, so the sandbox bundle (which validates with
 * `zod/mini`) can use them without pulling in full zod.
 */

/**
 * `imageSize` values as Gemini spells them: uppercase K, and `512` with no K (docs/gemini-platform.md#request-knobs).
 */
export const IMAGE_SIZES = ['512', '1K', '2K', '4K'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** What an input image is for. `base` is the frame being edited; the others are references. */
export const IMAGE_ROLES = ['base', 'style', 'subject', 'product', 'scene'] as const;
export type ImageRole = (typeof IMAGE_ROLES)[number];
