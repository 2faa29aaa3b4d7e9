/**
 * How the sandbox exports a layer: the size constraint for `exportAsync` (docs/figma-platform.md#exporting). Pure, so
 * the choice is tested without Figma.
 */

/**
 * Largest side `figma.createImage` accepts, and so the largest we ever send or export
 * (docs/figma-platform.md#images-at-most-4096-px).
 */
export const MAX_FIGMA_IMAGE_SIDE = 4096;

/** Bounds of the selection thumbnail in the panel, in pixels. */
export const THUMBNAIL_WIDTH = 160;
export const THUMBNAIL_HEIGHT = 96;

/** The `constraint` of Figma's `ExportSettingsImage`. */
export interface ExportConstraint {
  type: 'SCALE' | 'WIDTH' | 'HEIGHT';
  value: number;
}

/**
 * Export at 1× unless the longest side would pass `maxSide` (capped at 4096); then pin that side to the limit.
 * We never upscale: the model gets the frame's own pixels.
 */
export function exportConstraint(width: number, height: number, maxSide: number): ExportConstraint {
  const limit = Math.max(1, Math.min(MAX_FIGMA_IMAGE_SIDE, Math.floor(maxSide)));
  if (Math.max(width, height) <= limit) return { type: 'SCALE', value: 1 };
  return width >= height ? { type: 'WIDTH', value: limit } : { type: 'HEIGHT', value: limit };
}

/** Constraint that fits a thumbnail inside {@link THUMBNAIL_WIDTH} × {@link THUMBNAIL_HEIGHT}. */
export function thumbnailConstraint(width: number, height: number): ExportConstraint {
  return width * THUMBNAIL_HEIGHT > height * THUMBNAIL_WIDTH
    ? { type: 'WIDTH', value: THUMBNAIL_WIDTH }
    : { type: 'HEIGHT', value: THUMBNAIL_HEIGHT };
}
