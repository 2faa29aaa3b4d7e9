/**
 * Where N variants of one request go (docs/architecture.md#variants-and-component-sets): side by side in a row beside
 * the source, or in a row below it when the row beside it would overlap something. Pure geometry in the parent's
 * coordinates.
 */
import type { Rect } from './aspect.js';
import { freeSpotNear } from './free-spot-near.js';
import { firstFreeY, RESULT_GAP } from './placement.js';

/** Largest number of variants one request asks for. */
export const MAX_VARIANTS = 8;

/**
 * Top-left corners for `count` results of `size`, in order. Beside `source` (starting `gap` right of it, on its
 * row) when that whole row is clear of `obstacles`; otherwise left-aligned with the source in the first clear row
 * below it. Without a source (text-to-image), the whole row goes to the free spot nearest `centre`
 * (core/free-spot-near.ts), so it covers nothing.
 */
export function variantSpots(
  count: number,
  size: { width: number; height: number },
  source: Rect | null,
  obstacles: readonly Rect[],
  centre: { x: number; y: number } = { x: 0, y: 0 },
  gap = RESULT_GAP,
): { x: number; y: number }[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) {
    throw new RangeError(`count must be a whole number from 1 to ${MAX_VARIANTS}, got ${count}`);
  }
  const rowWidth = count * size.width + (count - 1) * gap;
  const row = (x: number, y: number): { x: number; y: number }[] =>
    Array.from({ length: count }, (_, i) => ({ x: Math.round(x + i * (size.width + gap)), y: Math.round(y) }));
  if (!source) {
    const spot = freeSpotNear(centre, { width: rowWidth, height: size.height }, obstacles, gap);
    return row(spot.x, spot.y);
  }
  const beside = { x: source.x + source.width + gap, y: source.y, width: rowWidth, height: size.height };
  if (!obstacles.some((o) => overlapsWithGap(beside, o, gap))) return row(beside.x, beside.y);
  const y = firstFreeY(
    { x: source.x, y: source.y + source.height + gap },
    { width: rowWidth, height: size.height },
    obstacles,
    gap,
  );
  return row(source.x, y);
}

/** True when `a` and `b` come closer than `gap` (touching boxes with no gap between them overlap too). */
export function overlapsWithGap(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}
