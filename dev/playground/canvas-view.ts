/**
 * The playground's canvas: draws the current page of the Figma double (each top-level layer rendered by the
 * double's rasterizer), the selection outline, and handles what a designer does with the mouse: click to select,
 * drag to move, draw a frame / rectangle / ellipse / polygon / star, draw a pen path freehand, scroll to pan and zoom. The view follows `figma.viewport`, so
 * when the plugin scrolls a result into view, the canvas goes there too.
 */
import type { FigmaDouble } from '../figma-double/index.js';
import { createRenderCache } from './render-cache.js';
import { createPenPath, createShape, type ShapeTool } from './shapes.js';

export type Tool = 'move' | 'pen' | ShapeTool;

export interface CanvasView {
  setTool(tool: Tool): void;
  /** Redraws now (after the document changed). */
  invalidate(): void;
  /** Page point at the centre of what is visible. */
  centre(): { x: number; y: number };
  /** Page point under a client (mouse) position. */
  pagePointAt(clientX: number, clientY: number): { x: number; y: number };
}

type Drag =
  | { kind: 'move'; startX: number; startY: number; dx: number; dy: number; nodes: SceneNode[]; moved: boolean }
  | { kind: 'draw'; tool: ShapeTool; x0: number; y0: number; x1: number; y1: number }
  | { kind: 'pen'; points: { x: number; y: number }[] }
  | { kind: 'pan'; lastX: number; lastY: number };

export function createCanvasView(
  canvas: HTMLCanvasElement,
  double: FigmaDouble,
  options: { onToolDone: () => void; onUserEdit: () => void },
): CanvasView {
  const figma = double.figma;
  const ctx = canvas.getContext('2d')!;
  const cache = createRenderCache(double);
  let tool: Tool = 'move';
  let drag: Drag | null = null;
  let frameRequested = false;
  let drawing = false;
  let again = false;

  const size = (): { w: number; h: number } => ({ w: canvas.clientWidth, h: canvas.clientHeight });
  const toScreen = (x: number, y: number): [number, number] => {
    const { w, h } = size();
    const c = figma.viewport.center;
    const z = figma.viewport.zoom;
    return [(x - c.x) * z + w / 2, (y - c.y) * z + h / 2];
  };
  const pagePointAt = (clientX: number, clientY: number): { x: number; y: number } => {
    const rect = canvas.getBoundingClientRect();
    const { w, h } = size();
    const c = figma.viewport.center;
    const z = figma.viewport.zoom;
    return { x: (clientX - rect.left - w / 2) / z + c.x, y: (clientY - rect.top - h / 2) / z + c.y };
  };

  async function drawAsync(): Promise<void> {
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      const dpr = window.devicePixelRatio || 1;
      const { w, h } = size();
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      const layers = figma.currentPage.children.filter((n) => n.visible);
      cache.retain(new Set(figma.currentPage.children.map((n) => n.id)));
      const bitmaps = await Promise.all(layers.map((n) => cache.bitmapAsync(n)));
      const dark = document.documentElement.classList.contains('dark');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.fillStyle = dark ? '#1e1e1e' : '#e5e5e5';
      ctx.fillRect(0, 0, w, h);
      const z = figma.viewport.zoom;
      const moving = drag?.kind === 'move' ? drag : null;
      ctx.imageSmoothingQuality = 'high';
      layers.forEach((node, i) => {
        const box = node.absoluteBoundingBox;
        const bitmap = bitmaps[i];
        if (!box) return;
        const offset = moving?.nodes.includes(node) ? [moving.dx, moving.dy] : [0, 0];
        const [sx, sy] = toScreen(box.x + offset[0]!, box.y + offset[1]!);
        if (bitmap) ctx.drawImage(bitmap, sx, sy, box.width * z, box.height * z);
        if (node.type === 'FRAME' || node.type === 'COMPONENT' || node.type === 'COMPONENT_SET') {
          // Figma names components and component sets in violet, other frames in grey.
          const component = node.type === 'COMPONENT' || node.type === 'COMPONENT_SET';
          ctx.fillStyle = component ? '#9747ff' : dark ? '#a0a0a0' : '#6b6b6b';
          ctx.font = '11px Inter, system-ui, sans-serif';
          // As Figma does, a frame's name never runs past the frame: it is cut with an ellipsis to fit.
          ctx.fillText(fitLabel(ctx, node.name, box.width * z), sx, sy - 5);
        }
      });
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#0d99ff';
      for (const node of figma.currentPage.selection) {
        const box = node.absoluteBoundingBox;
        if (!box) continue;
        const offset = moving?.nodes.includes(node) ? [moving.dx, moving.dy] : [0, 0];
        const [sx, sy] = toScreen(box.x + offset[0]!, box.y + offset[1]!);
        ctx.strokeRect(sx, sy, box.width * z, box.height * z);
        const label = `${Math.round(box.width)} × ${Math.round(box.height)}`;
        ctx.font = '11px Inter, system-ui, sans-serif';
        const tw = ctx.measureText(label).width + 8;
        ctx.fillStyle = '#0d99ff';
        ctx.fillRect(sx + (box.width * z - tw) / 2, sy + box.height * z + 4, tw, 16);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, sx + (box.width * z - tw) / 2 + 4, sy + box.height * z + 16);
      }
      if (drag?.kind === 'pen' && drag.points.length > 1) {
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        drag.points.forEach((p, i) => {
          const [px, py] = toScreen(p.x, p.y);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.closePath();
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (drag?.kind === 'draw') {
        const [ax, ay] = toScreen(Math.min(drag.x0, drag.x1), Math.min(drag.y0, drag.y1));
        const dw = Math.abs(drag.x1 - drag.x0) * z;
        const dh = Math.abs(drag.y1 - drag.y0) * z;
        ctx.setLineDash([4, 3]);
        if (drag.tool === 'ellipse') {
          ctx.beginPath();
          ctx.ellipse(ax + dw / 2, ay + dh / 2, dw / 2, dh / 2, 0, 0, Math.PI * 2);
          ctx.stroke();
        } else ctx.strokeRect(ax, ay, dw, dh);
        ctx.setLineDash([]);
      }
    } finally {
      drawing = false;
      if (again) {
        again = false;
        invalidate();
      }
    }
  }

  /**
   * The double fits `scrollAndZoomIntoView` to a pretend 1440 × 900 window; this canvas has its own size, so when
   * the plugin scrolls something into view, fit it to this canvas instead (never zooming in past 100%).
   */
  let scrollsSeen = double.scrolledIntoView.length;
  function followPluginScroll(): void {
    const calls = double.scrolledIntoView;
    if (calls.length === scrollsSeen) return;
    scrollsSeen = calls.length;
    const ids = new Set(calls.at(-1));
    const boxes = figma.currentPage
      .findAll((n) => ids.has(n.id))
      .flatMap((n) => (n.absoluteBoundingBox ? [n.absoluteBoundingBox] : []));
    if (boxes.length === 0) return;
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.width));
    const y1 = Math.max(...boxes.map((b) => b.y + b.height));
    const { w, h } = size();
    figma.viewport.zoom = Math.min(1, w / ((x1 - x0) * 1.25 || 1), h / ((y1 - y0) * 1.25 || 1));
    figma.viewport.center = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  }

  function invalidate(): void {
    followPluginScroll();
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      void drawAsync();
    });
  }

  canvas.addEventListener('pointerdown', (event) => {
    canvas.focus();
    canvas.setPointerCapture(event.pointerId);
    const p = pagePointAt(event.clientX, event.clientY);
    if (event.button === 1 || (event.button === 0 && event.altKey && tool === 'move')) {
      drag = { kind: 'pan', lastX: event.clientX, lastY: event.clientY };
      return;
    }
    if (tool === 'pen') {
      drag = { kind: 'pen', points: [p] };
      return;
    }
    if (tool !== 'move') {
      drag = { kind: 'draw', tool, x0: p.x, y0: p.y, x1: p.x, y1: p.y };
      return;
    }
    const hit = double.hitTest(p.x, p.y);
    const selection = figma.currentPage.selection;
    if (!hit) {
      if (!event.shiftKey) double.userSelect([]);
      return;
    }
    let next = selection.includes(hit) ? selection : [hit];
    if (event.shiftKey) next = selection.includes(hit) ? selection.filter((n) => n !== hit) : [...selection, hit];
    if (next !== selection) double.userSelect(next);
    drag = { kind: 'move', startX: p.x, startY: p.y, dx: 0, dy: 0, nodes: [...next], moved: false };
  });

  canvas.addEventListener('pointermove', (event) => {
    if (!drag) return;
    if (drag.kind === 'pan') {
      const z = figma.viewport.zoom;
      const c = figma.viewport.center;
      figma.viewport.center = { x: c.x - (event.clientX - drag.lastX) / z, y: c.y - (event.clientY - drag.lastY) / z };
      drag.lastX = event.clientX;
      drag.lastY = event.clientY;
    } else {
      const p = pagePointAt(event.clientX, event.clientY);
      if (drag.kind === 'pen') {
        const last = drag.points.at(-1)!;
        if (Math.hypot(p.x - last.x, p.y - last.y) * figma.viewport.zoom >= 3) drag.points.push(p);
      } else if (drag.kind === 'move') {
        drag.dx = Math.round(p.x - drag.startX);
        drag.dy = Math.round(p.y - drag.startY);
        drag.moved ||= Math.abs(drag.dx) + Math.abs(drag.dy) > 2;
      } else {
        drag.x1 = p.x;
        drag.y1 = p.y;
      }
    }
    invalidate();
  });

  const endDrag = (): void => {
    const done = drag;
    drag = null;
    if (done?.kind === 'move' && done.moved) {
      for (const node of done.nodes) {
        if (node.removed || node.locked) continue;
        node.x += done.dx;
        node.y += done.dy;
      }
      options.onUserEdit();
    } else if (done?.kind === 'pen') {
      const node = createPenPath(figma, done.points);
      if (node) {
        double.userSelect([node]);
        options.onUserEdit();
      }
      options.onToolDone();
    } else if (done?.kind === 'draw') {
      const node = createShape(figma, done.tool, done.x0, done.y0, done.x1, done.y1);
      double.userSelect([node]);
      options.onUserEdit();
      options.onToolDone();
    }
    invalidate();
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);

  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const viewport = figma.viewport;
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

/** `text` cut with an ellipsis to at most `maxWidth` pixels in the context's current font. */
function fitLabel(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(`${chars.slice(0, mid).join('')}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${chars.slice(0, low).join('').trimEnd()}…`;
}
