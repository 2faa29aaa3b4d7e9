/**
 * How a component set made from selected variants is laid out (docs/architecture.md#variants-and-component-sets): its
 * variants side by side in one row inside the set, in the order given, and the set itself where the variants were when
 * that place is clear, else in the first clear row below them. Pure geometry in the parent's coordinates.
 *
 * The layout is written out explicitly rather than left to `combineAsVariants`, whose placement of the variants
 * inside the new set is not documented (the typings' `combineAsVariants` only says the nodes move to the set:
 * docs/figma-platform.md#components-and-variants).
 */
import type { Rect } from './aspect.js';
import { firstFreeY, RESULT_GAP } from './placement.js';
import { overlapsWithGap } from './variant-layout.js';

/** Space between the set's edge and its variants, and between variants: Figma's own "Combine as variants" uses 20. */
export const SET_PADDING = 20;

/** The set's size and each variant's top-left inside it. */
export interface ComponentSetLayout {
  width: number;
  height: number;
  offsets: { x: number; y: number }[];
}

/** One row, top-aligned, `padding` around and between the variants. */
export function componentSetLayout(
  sizes: readonly { width: number; height: number }[],
  padding = SET_PADDING,
): ComponentSetLayout {
  if (sizes.length === 0) throw new RangeError('a component set needs at least one variant');
  const offsets: { x: number; y: number }[] = [];
  let x = padding;
  for (const size of sizes) {
    offsets.push({ x, y: padding });
    x += size.width + padding;
  }
  return { width: x, height: Math.max(...sizes.map((s) => s.height)) + 2 * padding, offsets };
}

/**
 * Top-left of the set. First choice: its first variant stays where the top-left selected variant was, which puts
 * the set `padding` up and left of it; taken when that box keeps `padding` clear of every obstacle (the layers
 * that stay where they are: everything in the parent except the variants themselves). Otherwise the set goes in
 * the first row below the variants that is `gap` clear of everything, left-aligned with them.
 */
export function componentSetSpot(
  variants: readonly Rect[],
  size: { width: number; height: number },
  obstacles: readonly Rect[],
  padding = SET_PADDING,
  gap = RESULT_GAP,
): { x: number; y: number } {
  if (variants.length === 0) throw new RangeError('a component set needs at least one variant');
  const left = Math.min(...variants.map((v) => v.x));
  const top = Math.min(...variants.map((v) => v.y));
  const bottom = Math.max(...variants.map((v) => v.y + v.height));
  const inPlace = { x: left - padding, y: top - padding, ...size };
  if (!obstacles.some((o) => overlapsWithGap(inPlace, o, padding))) return { x: inPlace.x, y: inPlace.y };
  return { x: inPlace.x, y: firstFreeY({ x: inPlace.x, y: bottom + gap }, size, obstacles, gap) };
}
