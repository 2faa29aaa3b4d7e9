/**
 * What a designer does with the mouse on the playground canvas (dev/playground/canvas-view.ts), as Figma does it:
 * click to select (Shift to add or remove), drag to move, drag out a frame or shape, draw a pen path freehand,
 * and pan with the middle button or Alt-drag. A drag starts on press, follows the pointer and takes effect on release.
 */
import type { FigmaDouble } from '../figma-double/index.js';
import type { PagePoint } from './canvas-viewport.js';
import { createPenPath, createShape, type ShapeTool } from './shapes.js';

/** The canvas's tools: select and move, the pen, and the shapes. */
export type Tool = 'move' | 'pen' | ShapeTool;

/** A drag under way. */
export type Drag =
  | { kind: 'move'; startX: number; startY: number; dx: number; dy: number; nodes: SceneNode[]; moved: boolean }
  | { kind: 'draw'; tool: ShapeTool; x0: number; y0: number; x1: number; y1: number }
  | { kind: 'pen'; points: PagePoint[] }
  | { kind: 'pan'; lastX: number; lastY: number };

/** What the canvas tells its owner. */
export interface DragCallbacks {
  /** A pen path or shape was drawn: the tool goes back to move. */
  onToolDone: () => void;
  /** The designer changed the document (an undo step). */
  onUserEdit: () => void;
}

/**
 * The drag a press at page point `p` starts with `tool`; with the move tool, it selects what was hit first. Null
 * when the press hit nothing (which clears the selection unless Shift is held).
 */
export function pressDrag(double: FigmaDouble, tool: Tool, event: PointerEvent, p: PagePoint): Drag | null {
  if (event.button === 1 || (event.button === 0 && event.altKey && tool === 'move')) {
    return { kind: 'pan', lastX: event.clientX, lastY: event.clientY };
  }
  if (tool === 'pen') return { kind: 'pen', points: [p] };
  if (tool !== 'move') return { kind: 'draw', tool, x0: p.x, y0: p.y, x1: p.x, y1: p.y };
  const hit = double.hitTest(p.x, p.y);
  const selection = double.figma.currentPage.selection;
  if (!hit) {
    if (!event.shiftKey) double.userSelect([]);
    return null;
  }
  let next = selection.includes(hit) ? selection : [hit];
  if (event.shiftKey) next = selection.includes(hit) ? selection.filter((n) => n !== hit) : [...selection, hit];
  if (next !== selection) double.userSelect(next);
  return { kind: 'move', startX: p.x, startY: p.y, dx: 0, dy: 0, nodes: [...next], moved: false };
}

/** Follows the pointer: pans the viewport, adds a pen point (every 3 screen px), or moves the drag's far corner. */
export function followDrag(
  drag: Drag,
  viewport: ViewportAPI,
  event: PointerEvent,
  pagePointAt: (clientX: number, clientY: number) => PagePoint,
): void {
  if (drag.kind === 'pan') {
    const z = viewport.zoom;
    const c = viewport.center;
    viewport.center = { x: c.x - (event.clientX - drag.lastX) / z, y: c.y - (event.clientY - drag.lastY) / z };
    drag.lastX = event.clientX;
    drag.lastY = event.clientY;
    return;
  }
  const p = pagePointAt(event.clientX, event.clientY);
  if (drag.kind === 'pen') {
    const last = drag.points.at(-1)!;
    if (Math.hypot(p.x - last.x, p.y - last.y) * viewport.zoom >= 3) drag.points.push(p);
  } else if (drag.kind === 'move') {
    drag.dx = Math.round(p.x - drag.startX);
    drag.dy = Math.round(p.y - drag.startY);
    drag.moved ||= Math.abs(drag.dx) + Math.abs(drag.dy) > 2;
  } else {
    drag.x1 = p.x;
    drag.y1 = p.y;
  }
}

/** The release: moves the dragged layers (not locked or removed ones), or makes the pen path or shape and selects it. */
export function finishDrag(done: Drag | null, double: FigmaDouble, callbacks: DragCallbacks): void {
  const figma = double.figma;
  if (done?.kind === 'move' && done.moved) {
    for (const node of done.nodes) {
      if (node.removed || node.locked) continue;
      node.x += done.dx;
      node.y += done.dy;
    }
    callbacks.onUserEdit();
  } else if (done?.kind === 'pen') {
    const node = createPenPath(figma, done.points);
    if (node) {
      double.userSelect([node]);
      callbacks.onUserEdit();
    }
    callbacks.onToolDone();
  } else if (done?.kind === 'draw') {
    const node = createShape(figma, done.tool, done.x0, done.y0, done.x1, done.y1);
    double.userSelect([node]);
    callbacks.onUserEdit();
    callbacks.onToolDone();
  }
}
