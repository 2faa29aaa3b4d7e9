/**
 * The layer a lone shape marks a region of: a designer who draws an ellipse over a photo and selects only the
 * ellipse means "edit inside this on the photo". Pure geometry, so the rule is tested as a table
 * (test/core/pick-region-host.test.ts); plugin/find-region-host.ts lists the candidates from the page.
 */
import type { Rect } from './aspect.js';

/** Share of the shape's box a host's box must cover: "most of it". */
export const REGION_HOST_MIN_COVER = 0.5;

/** A layer that could hold the region: a frame or an image layer drawn below the shape. */
export interface RegionHostCandidate {
  id: string;
  box: Rect;
}

/** The area of the overlap of two boxes (0 when they do not overlap). */
function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The topmost candidate whose box covers more than half of the shape's box, or null. `below` lists the
 * candidates in paint order, bottom first, and holds only layers painted before the shape on its page.
 */
export function pickRegionHost<T extends RegionHostCandidate>(shape: Rect, below: readonly T[]): T | null {
  const area = shape.width * shape.height;
  if (!(area > 0)) return null;
  for (let i = below.length - 1; i >= 0; i--) {
    const candidate = below[i]!;
    if (overlapArea(shape, candidate.box) / area > REGION_HOST_MIN_COVER) return candidate;
  }
  return null;
}
