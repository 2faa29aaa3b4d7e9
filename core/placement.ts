/**
 * Where results go on the canvas (DESIGN.md §1: "a new layer beside the source"). Pure geometry in the parent's
 * coordinates, so the sandbox adapter only reads boxes and writes one position.
 */
import type { Rect } from './aspect.js';

/** Space between a source and its result, in canvas units. */
export const RESULT_GAP = 40;

/**
 * The first x to the right of `source` where a box of `size` (the source's own size by default) at `source.y`
 * overlaps none of `siblings` and keeps `gap` clear on both sides of it. Siblings entirely above or below that
 * row never block it.
 */
export function firstFreeX(
  source: Rect,
  siblings: readonly Rect[],
  size: { width: number; height: number } = source,
  gap = RESULT_GAP,
): number {
  const { width } = size;
  const top = source.y;
  const bottom = source.y + size.height;
  // Only siblings that share some of the row's height can collide; scan them left to right.
  const inRow = siblings
    .filter((s) => s.y < bottom && s.y + s.height > top && s.width >= 0 && s.height >= 0)
    .sort((a, b) => a.x - b.x);
  let x = source.x + source.width + gap;
  let moved = true;
  while (moved) {
    moved = false;
    for (const s of inRow) {
      const clear = x + width + gap <= s.x || x >= s.x + s.width + gap;
      if (!clear) {
        x = s.x + s.width + gap;
        moved = true;
      }
    }
  }
  return x;
}

/** Top-left corner that centres a `width × height` box on `center`, on whole units. */
export function centredAt(center: { x: number; y: number }, width: number, height: number): { x: number; y: number } {
  return { x: Math.round(center.x - width / 2), y: Math.round(center.y - height / 2) };
}
