/**
 * Where nodes are: absolute transforms, bounding boxes and render bounds, computed from internal state (no guards),
 * for the public getters, the rasterizer and exports alike.
 */
import { apply, IDENTITY, intersectRects, multiply, transformedBounds, unionRects } from '../transform.js';
import type { NodeDouble } from './node-double.js';
import { containerOf } from './tree.js';

/** What the geometry code needs from a scene node. */
export interface SceneGeometry {
  /** Transform into the container's space (see containerOf). */
  $transform(): Transform;
  $size(): { width: number; height: number };
  /** Local-space rectangles that paint, beyond the node's own box (text glyphs); null means the box itself. */
  $paintedRects?(): Rect[] | null;
}

/** Whether a node is a scene node (has a position and size). */
export function isScene(node: NodeDouble): node is NodeDouble & SceneGeometry {
  return typeof (node as Partial<SceneGeometry>).$transform === 'function';
}

/** The transform from a node's local space to its page. */
export function absoluteTransformOf(node: NodeDouble): Transform {
  if (!isScene(node)) return IDENTITY;
  const container = containerOf(node);
  const base = container && isScene(container) ? absoluteTransformOf(container) : IDENTITY;
  return multiply(base, node.$transform());
}

/** Transform of the space a node's `relativeTransform` is in (its container's local space) to the page. */
export function containerTransformOf(node: NodeDouble): Transform {
  const container = containerOf(node);
  return container && isScene(container) ? absoluteTransformOf(container) : IDENTITY;
}

/**
 * `absoluteBoundingBox`: the node's box on the page, without strokes or effects
 * (dev/figma-double/README.md#what-it-follows-from-figma).
 */
export function absoluteBoundingBoxOf(node: NodeDouble): Rect | null {
  if (!isScene(node)) return null;
  const { width, height } = node.$size();
  return transformedBounds(absoluteTransformOf(node), width, height);
}

/** Whether the node and all its ancestors are visible. */
export function isShown(node: NodeDouble): boolean {
  for (let n: NodeDouble | null = node; n; n = n.$parent) {
    const state = n.$state as { visible?: boolean };
    if (state.visible === false) return false;
  }
  return true;
}

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
