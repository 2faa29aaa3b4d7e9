/**
 * The playground's canvas: draws the current page of the Figma double (each top-level layer rendered by the
 * double's rasterizer), the selection outline, and handles what a designer does with the mouse: click to select,
 * drag to move, draw a frame / rectangle / ellipse / polygon / star, draw a pen path freehand, scroll to pan and
 * zoom. The view follows `figma.viewport`, so when the plugin scrolls a result into view, the canvas goes there too.
 * The painting is in dev/playground/canvas-paint.ts, the mouse in dev/playground/canvas-drag.ts and the view's maths
 * in dev/playground/canvas-viewport.ts.
 */
import type { FigmaDouble } from '../figma-double/index.js';
import { finishDrag, followDrag, pressDrag, type Drag, type DragCallbacks, type Tool } from './canvas-drag.js';
import { paintDrawing, paintLayers, paintSelection, type CanvasFrame } from './canvas-paint.js';
import {
  pageToScreen,
  pluginScrollFollower,
  screenToPage,
  wheelViewport,
  type CanvasSize,
  type PagePoint,
} from './canvas-viewport.js';
import { createRedrawLoop } from './redraw-loop.js';
import { createRenderCache } from './render-cache.js';

export type { Tool } from './canvas-drag.js';

/** The canvas as the playground's page drives it. */
export interface CanvasView {
  setTool(tool: Tool): void;
  /** Redraws now (after the document changed). */
  invalidate(): void;
  /** Page point at the centre of what is visible. */
  centre(): { x: number; y: number };
  /** Page point under a client (mouse) position. */
  pagePointAt(clientX: number, clientY: number): { x: number; y: number };
}

/** Draws the double's current page on `canvas` and lets the mouse select, move, draw, pan and zoom on it. */
export function createCanvasView(canvas: HTMLCanvasElement, double: FigmaDouble, options: DragCallbacks): CanvasView {
  const figma = double.figma;
  const ctx = canvas.getContext('2d')!;
  const cache = createRenderCache(double);
  let tool: Tool = 'move';
  let drag: Drag | null = null;
  const size = (): CanvasSize => ({ w: canvas.clientWidth, h: canvas.clientHeight });
  const toScreen = (x: number, y: number): [number, number] => pageToScreen(figma.viewport, size(), x, y);
  const pagePointAt = (clientX: number, clientY: number): PagePoint => {
    const rect = canvas.getBoundingClientRect();
    return screenToPage(figma.viewport, size(), clientX - rect.left, clientY - rect.top);
  };

  /** One frame: the page's layers, the selection and what is being drawn. */
  async function paintAsync(): Promise<void> {
    const dpr = window.devicePixelRatio || 1;
    const { w, h } = size();
    matchBackingStore(canvas, w, h, dpr);
    const layers = figma.currentPage.children.filter((n) => n.visible);
    cache.retain(new Set(figma.currentPage.children.map((n) => n.id)));
    const bitmaps = await Promise.all(layers.map((n) => cache.bitmapAsync(n)));
    const dark = document.documentElement.classList.contains('dark');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = dark ? '#1e1e1e' : '#e5e5e5';
    ctx.fillRect(0, 0, w, h);
    const frame: CanvasFrame = { ctx, toScreen, zoom: figma.viewport.zoom, dark };
    const moving = drag?.kind === 'move' ? drag : null;
    ctx.imageSmoothingQuality = 'high';
    paintLayers(frame, layers, bitmaps, moving);
    paintSelection(frame, figma.currentPage.selection, moving);
    paintDrawing(frame, drag);
  }
  const invalidate = createRedrawLoop(paintAsync, pluginScrollFollower(double, size));

  canvas.addEventListener('pointerdown', (event) => {
    canvas.focus();
    canvas.setPointerCapture(event.pointerId);
    const next = pressDrag(double, tool, event, pagePointAt(event.clientX, event.clientY));
    if (next) drag = next;
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drag) return;
    followDrag(drag, figma.viewport, event, pagePointAt);
    invalidate();
  });
  const endDrag = (): void => {
    const done = drag;
    drag = null;
    finishDrag(done, double, options);
    invalidate();
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      wheelViewport(figma.viewport, event, pagePointAt);
      invalidate();
    },
    { passive: false },
  );
  new ResizeObserver(() => invalidate()).observe(canvas);

  return {
    setTool(next) {
      tool = next;
      canvas.style.cursor = next === 'move' ? 'default' : 'crosshair';
    },
    invalidate,
    centre: () => figma.viewport.center,
    pagePointAt,
  };
}

/** Sizes the canvas's pixels to its CSS size `w` × `h` at the screen's pixel ratio, so lines stay sharp. */
function matchBackingStore(canvas: HTMLCanvasElement, w: number, h: number, dpr: number): void {
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
}
