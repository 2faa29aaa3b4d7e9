/**
 * Draws a node and its subtree onto a canvas: children in order (first child at the bottom), fills then strokes,
 * frame strokes above the frame's children, frame clipping (`clipsContent`), hidden nodes skipped, and layer
 * opacity (a container with opacity below 1 is drawn on its own layer first, then composited). Effects (shadows,
 * blurs), masks and blend modes other than normal are not drawn.
 */
import type { RgbaImage } from '../../../core/png.js';
import { isScene } from '../nodes/geometry.js';
import type { NodeDouble } from '../nodes/node-double.js';
import type { ShapeProps } from '../nodes/shape-double.js';
import type { PolygonProps } from '../nodes/polygon-double.js';
import type { VectorProps } from '../nodes/vector-double.js';
import { multiply } from '../transform.js';
import { Canvas } from './canvas.js';
import { ellipseLoop, pathLoops, pointedOutline, pointsLoop, rectLoop, rectsLoops, type Loop } from './outlines.js';
import { paintMask } from './paint-mask.js';
import { rasterize, type Mask } from './rasterize.js';

/** Where and how a subtree is drawn. */
export interface RenderContext {
  canvas: Canvas;
  clip: Float32Array | null;
  pixelsOf(hash: string): RgbaImage | null;
}

const FRAME_LIKE = new Set(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE']);

/**
 * Draws `node` given the device transform of its container's space. `force` draws the node even when it is hidden
 * (the export target itself).
 */
export function renderNode(node: NodeDouble, containerMatrix: Transform, rc: RenderContext, force = false): void {
  if (!isScene(node)) {
    for (const child of node.$children ?? []) renderNode(child, containerMatrix, rc);
    return;
  }
  const state = node.$state as Partial<ShapeProps> & { visible: boolean; opacity: number; clipsContent?: boolean };
  if (!state.visible && !force) return;
  const m = multiply(containerMatrix, node.$transform());
  const hasChildren = (node.$children?.length ?? 0) > 0;
  const layered = state.opacity < 1 && hasChildren;
  const target: RenderContext = layered ? { ...rc, canvas: new Canvas(rc.canvas.width, rc.canvas.height) } : rc;
  const alpha = layered ? 1 : state.opacity;
  if (node.type === 'GROUP') {
    for (const child of node.$children ?? []) renderNode(child, containerMatrix, target);
  } else {
    const { width, height } = node.$size();
    const fillLoops = outline(node, m, width, height);
    const fillMask = fillLoops ? rasterize(fillLoops.loops, fillLoops.rule, rc.canvas.width, rc.canvas.height) : null;
    if (fillMask) paintAll(state.fills ?? [], fillMask, m, width, height, alpha, target);
    const strokeMask = strokeRing(node, m, width, height, rc.canvas);
    if (FRAME_LIKE.has(node.type)) {
      const clip = state.clipsContent
        ? intersectClip(target.clip, fillMaskOrBox(fillMask, m, width, height, state, rc.canvas), rc.canvas)
        : target.clip;
      const inner: RenderContext = { ...target, clip };
      for (const child of node.$children ?? []) renderNode(child, m, inner);
    }
    if (strokeMask) paintAll(state.strokes ?? [], strokeMask, m, width, height, alpha, target);
  }
  if (layered) rc.canvas.drawCanvas(target.canvas, state.opacity);
}

function paintAll(
  paints: readonly Paint[],
  mask: Mask,
  matrix: Transform,
  width: number,
  height: number,
  alpha: number,
  rc: RenderContext,
): void {
  for (const paint of paints) {
    paintMask(paint, { canvas: rc.canvas, mask, clip: rc.clip, matrix, width, height, alpha, pixelsOf: rc.pixelsOf });
  }
}

/** The polygons a node's fills cover. */
function outline(
  node: NodeDouble,
  m: Transform,
  width: number,
  height: number,
): { loops: Loop[]; rule: 'NONZERO' | 'EVENODD' } | null {
  const state = node.$state as Partial<VectorProps>;
  if (node.type === 'ELLIPSE') {
    const loop = ellipseLoop(m, width, height);
    return loop ? { loops: [loop], rule: 'NONZERO' } : null;
  }
  if (node.type === 'POLYGON' || node.type === 'STAR') {
    const { pointCount = 3, innerRadius = 0.382 } = node.$state as Partial<PolygonProps>;
    const local = pointedOutline(pointCount, node.type === 'STAR' ? innerRadius : null, width, height);
    return { loops: [pointsLoop(m, local)], rule: 'NONZERO' };
  }
  if (node.type === 'VECTOR') {
    // Each path has its own winding rule; paths with rule NONE are open and not filled.
    const loops: Loop[] = [];
    let rule: 'NONZERO' | 'EVENODD' = 'NONZERO';
    for (const path of state.vectorPaths ?? []) {
      if (path.windingRule === 'NONE') continue;
      rule = path.windingRule;
      loops.push(...pathLoops(m, path.data, state.pathBox!, width, height));
    }
    return { loops, rule };
  }
  if (node.type === 'TEXT') {
    const rects = (node as NodeDouble & { $paintedRects(): Rect[] }).$paintedRects();
    return { loops: rectsLoops(m, rects), rule: 'NONZERO' };
  }
  const loop = rectLoop(m, width, height, state.cornerRadius ?? 0);
  return loop ? { loops: [loop], rule: 'NONZERO' } : null;
}

/** The ring a node's strokes paint (rectangles, frames and ellipses; vector, polygon, star and text strokes are not drawn). */
function strokeRing(node: NodeDouble, m: Transform, width: number, height: number, canvas: Canvas): Mask | null {
  const state = node.$state as Partial<ShapeProps>;
  const weight = state.strokeWeight ?? 0;
  if (weight <= 0 || !state.strokes?.some((p) => p.visible !== false)) return null;
  if (node.type === 'VECTOR' || node.type === 'TEXT' || node.type === 'POLYGON' || node.type === 'STAR') return null;
  const outer = state.strokeAlign === 'OUTSIDE' ? weight : state.strokeAlign === 'CENTER' ? weight / 2 : 0;
  const inner = outer - weight;
  const ring = (outset: number): Loop | null =>
    node.type === 'ELLIPSE'
      ? ellipseLoop(m, width, height, outset)
      : rectLoop(m, width, height, state.cornerRadius ?? 0, outset);
  const loops = [ring(outer), ring(inner)].filter((l): l is Loop => l !== null);
  return rasterize(loops, 'EVENODD', canvas.width, canvas.height);
}

/** The frame's own shape as a mask (its fill mask when it has one). */
function fillMaskOrBox(
  fillMask: Mask | null,
  m: Transform,
  width: number,
  height: number,
  state: Partial<ShapeProps>,
  canvas: Canvas,
): Mask | null {
  if (fillMask) return fillMask;
  const loop = rectLoop(m, width, height, state.cornerRadius ?? 0);
  return loop ? rasterize([loop], 'NONZERO', canvas.width, canvas.height) : null;
}

/**
 * A canvas-sized clip: the old clip (if any) times the mask; nothing shows outside the mask. A mask that fully
 * covers the canvas clips nothing (the usual case when exporting a clipping frame), so no clip is made for it.
 */
function intersectClip(clip: Float32Array | null, mask: Mask | null, canvas: Canvas): Float32Array | null {
  if (
    mask &&
    !clip &&
    mask.width === canvas.width &&
    mask.height === canvas.height &&
    mask.data.every((v) => v === 1)
  ) {
    return null;
  }
  const out = new Float32Array(canvas.width * canvas.height);
  if (!mask) return out;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const p = (y + mask.y0) * canvas.width + x + mask.x0;
      out[p] = mask.data[y * mask.width + x]! * (clip ? clip[p]! : 1);
    }
  }
  return out;
}
