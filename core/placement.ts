/**
 * Where results go on the canvas (docs/architecture.md#who-uses-it: "a new layer beside the source"). Pure geometry in
 * the parent's coordinates, so the sandbox adapter only reads boxes and writes one position.
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

/**
 * Where a new result beside `anchor` goes when the anchor may already have been continued
 * (docs/architecture.md#the-history-graph):
 * - no `branches` yet: on the anchor's row, at the first free x right of it ({@link firstFreeX});
 * - otherwise a new branch: in the column of the existing branches (their leftmost x), below everything that
 *   continues the anchor (`subtree`: the branches and all their own continuations), so the new line and what
 *   later continues it to the right never run into an earlier line. From there it moves further down until it
 *   is clear of every other layer (`obstacles`).
 * All boxes are in the same parent's coordinates.
 */
export function branchSpot(
  anchor: Rect,
  size: { width: number; height: number },
  branches: readonly Rect[],
  subtree: readonly Rect[],
  obstacles: readonly Rect[],
  gap = RESULT_GAP,
): { x: number; y: number } {
  if (branches.length === 0) return { x: firstFreeX(anchor, obstacles, size, gap), y: anchor.y };
  const x = Math.min(...branches.map((b) => b.x));
  const below = [...branches, ...subtree].map((b) => b.y + b.height);
  return { x, y: firstFreeY({ x, y: Math.max(...below) + gap }, size, obstacles, gap) };
}

/**
 * The first y at or below `at.y` where a box of `size` at `at.x` overlaps none of `obstacles` and keeps `gap`
 * clear of each of them. Obstacles entirely left or right of that column never block it.
 */
export function firstFreeY(
  at: { x: number; y: number },
  size: { width: number; height: number },
  obstacles: readonly Rect[],
  gap = RESULT_GAP,
): number {
  const left = at.x;
  const right = at.x + size.width;
  const inColumn = obstacles
    .filter((o) => o.x < right + gap && o.x + o.width + gap > left && o.width >= 0 && o.height >= 0)
    .sort((a, b) => a.y - b.y);
  let y = at.y;
  let moved = true;
  while (moved) {
    moved = false;
    for (const o of inColumn) {
      const clear = y + size.height + gap <= o.y || y >= o.y + o.height + gap;
      if (!clear) {
        y = o.y + o.height + gap;
        moved = true;
      }
    }
  }
  return y;
}
