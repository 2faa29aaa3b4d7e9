/**
 * The playground canvas's view of the page (dev/playground/canvas-view.ts): it follows `figma.viewport`, so page and
 * canvas points map through the viewport's centre and zoom, and the wheel and the plugin's scrolls move the viewport.
 */
import type { FigmaDouble } from '../figma-double/index.js';

/** A page point. */
export interface PagePoint {
  x: number;
  y: number;
}

/** The canvas's size in CSS pixels. */
export interface CanvasSize {
  w: number;
  h: number;
}

/** Where page point (x, y) lands on a canvas of `size`, in CSS pixels from its top left. */
export function pageToScreen(viewport: ViewportAPI, size: CanvasSize, x: number, y: number): [number, number] {
  const c = viewport.center;
  const z = viewport.zoom;
  return [(x - c.x) * z + size.w / 2, (y - c.y) * z + size.h / 2];
}

/** The page point under a point `(left, top)` CSS pixels from the canvas's top left. */
export function screenToPage(viewport: ViewportAPI, size: CanvasSize, left: number, top: number): PagePoint {
  const c = viewport.center;
  const z = viewport.zoom;
  return { x: (left - size.w / 2) / z + c.x, y: (top - size.h / 2) / z + c.y };
}

/**
 * Zooms about the pointer with ⌘ or Ctrl held (between 5% and 800%), otherwise pans, as Figma's canvas does.
 * `pagePointAt` maps a client position to the page under it.
 */
export function wheelViewport(
  viewport: ViewportAPI,
  event: WheelEvent,
  pagePointAt: (clientX: number, clientY: number) => PagePoint,
): void {
  if (event.ctrlKey || event.metaKey) {
    const before = pagePointAt(event.clientX, event.clientY);
    viewport.zoom = Math.min(8, Math.max(0.05, viewport.zoom * Math.exp(-event.deltaY / 300)));
    const after = pagePointAt(event.clientX, event.clientY);
    const c = viewport.center;
    viewport.center = { x: c.x + before.x - after.x, y: c.y + before.y - after.y };
  } else {
    const c = viewport.center;
    viewport.center = { x: c.x + event.deltaX / viewport.zoom, y: c.y + event.deltaY / viewport.zoom };
  }
}

/** Centres the boxes on a canvas of `size` with a margin, never zooming in past 100%. Nothing for no boxes. */
export function fitViewportTo(viewport: ViewportAPI, boxes: readonly Rect[], size: CanvasSize): void {
  if (boxes.length === 0) return;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  const { w, h } = size;
  viewport.zoom = Math.min(1, w / ((x1 - x0) * 1.25 || 1), h / ((y1 - y0) * 1.25 || 1));
  viewport.center = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

/**
 * The double fits `scrollAndZoomIntoView` to a pretend 1440 × 900 window; the canvas has its own size, so when the
 * plugin scrolls something into view, the returned function fits it to the canvas instead (never zooming in past
 * 100%). Each call looks for scrolls made since the last one.
 */
export function pluginScrollFollower(double: FigmaDouble, size: () => CanvasSize): () => void {
  const figma = double.figma;
  let scrollsSeen = double.scrolledIntoView.length;
  return () => {
    const calls = double.scrolledIntoView;
    if (calls.length === scrollsSeen) return;
    scrollsSeen = calls.length;
    const ids = new Set(calls.at(-1));
    const boxes = figma.currentPage
      .findAll((n) => ids.has(n.id))
      .flatMap((n) => (n.absoluteBoundingBox ? [n.absoluteBoundingBox] : []));
    fitViewportTo(figma.viewport, boxes, size());
  };
}
