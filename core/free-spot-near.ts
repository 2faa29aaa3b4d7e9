/**
 * Where a result with no source goes (text-to-image, or a row of its variants): the free spot nearest a point (the
 * view's centre), so a new result never covers work. Pure geometry in one parent's coordinates (the page's, for
 * top-level layers).
 */
import type { Rect } from './aspect.js';
import { RESULT_GAP } from './placement.js';

/**
 * The top-left corner, on whole units, of a box of `size` as near `centre` as it can be while keeping `gap` clear of
 * every one of `obstacles`: centred on `centre` when that is free, else the nearest of the spots that sit a gap
 * beside, above or below an obstacle (any free box can slide towards the centre until it meets one of those, so the
 * nearest free spot is among them). Right of everything is always free, so there is always an answer.
 */
export function freeSpotNear(
  centre: { x: number; y: number },
  size: { width: number; height: number },
  obstacles: readonly Rect[],
  gap = RESULT_GAP,
): { x: number; y: number } {
  const solid = obstacles.filter((o) => o.width >= 0 && o.height >= 0);
  const ideal = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  const xs = new Set([ideal.x]);
  const ys = new Set([ideal.y]);
  for (const o of solid) {
    xs.add(Math.ceil(o.x + o.width + gap)).add(Math.floor(o.x - gap - size.width));
    ys.add(Math.ceil(o.y + o.height + gap)).add(Math.floor(o.y - gap - size.height));
  }
  const spots: { x: number; y: number; distance: number }[] = [];
  for (const x of xs) {
    for (const y of ys) spots.push({ x, y, distance: Math.hypot(x - ideal.x, y - ideal.y) });
  }
  // Nearest first; ties keep the order right, then below, so the same page always gives the same spot.
  spots.sort((a, b) => a.distance - b.distance || b.x - a.x || b.y - a.y);
  for (const spot of spots) {
    const box = { x: spot.x, y: spot.y, width: size.width, height: size.height };
    if (!solid.some((o) => closerThan(box, o, gap))) return { x: spot.x, y: spot.y };
  }
  // Unreachable: the spot right of the rightmost obstacle, on the centre's row, is among the spots and is free.
  const right = Math.max(ideal.x, ...solid.map((o) => Math.ceil(o.x + o.width + gap)));
  return { x: right, y: ideal.y };
}

/** True when `a` and `b` come closer than `gap` (as core/variant-layout.ts `overlapsWithGap`, which imports this file). */
function closerThan(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}
