/**
 * Where a region's shape sits on its layer's thumbnail: the shape's box as fractions of the layer's box, so the
 * panel can draw the region's outline over a preview of any size (ui/components/selection-card.tsx).
 */
import type { Rect } from './aspect.js';

/** The shape's box on the layer, each value a fraction of the layer's width or height (may run past 0…1). */
export interface RegionOutline {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The shape is an ellipse: drawn round. */
  round: boolean;
}

/** The outline of `shape` (its type and page box) on a layer whose page box is `layer`, or null without boxes. */
export function regionOutline(
  shape: { type: string; box?: Rect | undefined },
  layer: { box?: Rect | undefined },
): RegionOutline | null {
  const s = shape.box;
  const l = layer.box;
  if (!s || !l || !(l.width > 0) || !(l.height > 0)) return null;
  return {
    left: (s.x - l.x) / l.width,
    top: (s.y - l.y) / l.height,
    width: s.width / l.width,
    height: s.height / l.height,
    round: shape.type === 'ELLIPSE',
  };
}
