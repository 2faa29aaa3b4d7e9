/**
 * Where nodes are: absolute transforms and bounding boxes, computed from internal state (no guards), for the public
 * getters, the rasterizer and exports alike. What actually paints is in dev/figma-double/nodes/render-bounds.ts.
 */
import { IDENTITY, multiply, transformedBounds } from '../transform.js';
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
