/**
 * One frame of the playground canvas (dev/playground/canvas-view.ts), painted as Figma's canvas looks: the page's
 * layers with frame names above them, the selection's outline and size label, and the outline of a pen path or
 * shape being drawn. Layers being dragged are painted at their dragged place.
 */
import type { Drag } from './canvas-drag.js';

/** What painting one frame needs: the 2D context, where page points land, the zoom and the theme. */
export interface CanvasFrame {
  ctx: CanvasRenderingContext2D;
  toScreen: (x: number, y: number) => [number, number];
  zoom: number;
  dark: boolean;
}

type MoveDrag = Extract<Drag, { kind: 'move' }>;

const LABEL_FONT = '11px Inter, system-ui, sans-serif';

/** Where a layer's box's top left lands, offset by the move under way when the layer is being dragged. */
function screenCorner(frame: CanvasFrame, node: SceneNode, box: Rect, moving: MoveDrag | null): [number, number] {
  const offset = moving?.nodes.includes(node) ? [moving.dx, moving.dy] : [0, 0];
  return frame.toScreen(box.x + offset[0]!, box.y + offset[1]!);
}

/** Each visible top-level layer's bitmap at its place, and the names of frames, components and sets above them. */
export function paintLayers(
  frame: CanvasFrame,
  layers: readonly SceneNode[],
  bitmaps: readonly (ImageBitmap | null)[],
  moving: MoveDrag | null,
): void {
  const { ctx, zoom: z, dark } = frame;
  layers.forEach((node, i) => {
    const box = node.absoluteBoundingBox;
    const bitmap = bitmaps[i];
    if (!box) return;
    const [sx, sy] = screenCorner(frame, node, box, moving);
    if (bitmap) ctx.drawImage(bitmap, sx, sy, box.width * z, box.height * z);
    if (node.type === 'FRAME' || node.type === 'COMPONENT' || node.type === 'COMPONENT_SET') {
      // Figma names components and component sets in violet, other frames in grey.
      const component = node.type === 'COMPONENT' || node.type === 'COMPONENT_SET';
      ctx.fillStyle = component ? '#9747ff' : dark ? '#a0a0a0' : '#6b6b6b';
      ctx.font = LABEL_FONT;
      // As Figma does, a frame's name never runs past the frame: it is cut with an ellipsis to fit.
      ctx.fillText(fitLabel(ctx, node.name, box.width * z), sx, sy - 5);
    }
  });
}

/** A blue outline round each selected layer, with its size in a label below. */
export function paintSelection(frame: CanvasFrame, selection: readonly SceneNode[], moving: MoveDrag | null): void {
  const { ctx, zoom: z } = frame;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#0d99ff';
  for (const node of selection) {
    const box = node.absoluteBoundingBox;
    if (!box) continue;
    const [sx, sy] = screenCorner(frame, node, box, moving);
    ctx.strokeRect(sx, sy, box.width * z, box.height * z);
    const label = `${Math.round(box.width)} × ${Math.round(box.height)}`;
    ctx.font = LABEL_FONT;
    const tw = ctx.measureText(label).width + 8;
    ctx.fillStyle = '#0d99ff';
    ctx.fillRect(sx + (box.width * z - tw) / 2, sy + box.height * z + 4, tw, 16);
    ctx.fillStyle = '#fff';
    ctx.fillText(label, sx + (box.width * z - tw) / 2 + 4, sy + box.height * z + 16);
  }
}

/** A dashed outline of the pen path or shape being drawn (in the selection's stroke). */
export function paintDrawing(frame: CanvasFrame, drag: Drag | null): void {
  const { ctx, toScreen, zoom: z } = frame;
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
