/**
 * `absoluteRenderBounds` of the Figma double: what actually paints, on the page (strokes outside the box, text
 * glyphs, unclipped children), computed from internal state like dev/figma-double/nodes/geometry.ts.
 */
import { apply, intersectRects, transformedBounds, unionRects } from '../transform.js';
import { absoluteTransformOf, isScene, isShown, type SceneGeometry } from './geometry.js';
import type { NodeDouble } from './node-double.js';

/** How far visible strokes reach outside the node's box. */
export function strokeOutset(node: NodeDouble): number {
  const state = node.$state as {
    strokes?: readonly Paint[];
    strokeWeight?: number;
    strokeAlign?: 'CENTER' | 'INSIDE' | 'OUTSIDE';
  };
  if (!state.strokes?.some((p) => p.visible !== false) || !state.strokeWeight) return 0;
  if (state.strokeAlign === 'OUTSIDE') return state.strokeWeight;
  if (state.strokeAlign === 'CENTER') return state.strokeWeight / 2;
  return 0;
}

/**
 * `absoluteRenderBounds`: what actually paints, on the page; null when the node is hidden
 * (dev/figma-double/README.md#what-it-follows-from-figma). Strokes outside the box count, text counts its glyphs, and
 * unclipped frames and groups include their children.
 */
export function absoluteRenderBoundsOf(node: NodeDouble): Rect | null {
  if (!isScene(node) || !isShown(node)) return null;
  return renderBounds(node);
}

/** The render bounds of a scene node known to be shown, or of its visible part. */
function renderBounds(node: NodeDouble & SceneGeometry): Rect | null {
  if ((node.$state as { visible?: boolean }).visible === false) return null;
  const m = absoluteTransformOf(node);
  const childBounds = (): Rect[] =>
    (node.$children ?? []).flatMap((c) => {
      const r = isScene(c) ? renderBounds(c) : null;
      return r ? [r] : [];
    });
  if (node.type === 'GROUP') return unionRects(childBounds());
  const painted = node.$paintedRects?.() ?? null;
  let own: Rect | null;
  if (painted) {
    own = unionRects(painted.map((r) => localRectBounds(m, r)));
  } else {
    const { width, height } = node.$size();
    const e = strokeOutset(node);
    own = localRectBounds(m, { x: -e, y: -e, width: width + 2 * e, height: height + 2 * e });
  }
  if (!node.$children) return own;
  const clips = (node.$state as { clipsContent?: boolean }).clipsContent === true;
  const children = childBounds();
  if (clips) {
    const { width, height } = node.$size();
    const box = localRectBounds(m, { x: 0, y: 0, width, height });
    const inside = children.flatMap((r) => {
      const clipped = intersectRects(r, box);
      return clipped ? [clipped] : [];
    });
    return unionRects(own ? [own, ...inside] : inside);
  }
  return unionRects(own ? [own, ...children] : children);
}

/** Bounds on the page of a rectangle given in a node's local space. */
export function localRectBounds(m: Transform, r: Rect): Rect {
  const [x, y] = apply(m, r.x, r.y);
  const shifted: Transform = [
    [m[0][0], m[0][1], x],
    [m[1][0], m[1][1], y],
  ];
  return transformedBounds(shifted, r.width, r.height);
}
