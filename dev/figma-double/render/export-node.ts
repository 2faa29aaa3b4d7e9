/**
 * `exportAsync` with real pixels (docs/figma-platform.md#exporting): PNG (default) or JPG; `constraint` SCALE, WIDTH or
 * HEIGHT; `useAbsoluteBounds` (the node's box) or, by default, its render bounds (what paints, including unclipped
 * overflow and outside strokes); `contentsOnly: false` draws every layer of the page in that area. Output is 8-bit
 * sRGB RGBA, and the same document always gives the same bytes. SVG, PDF, JSON and video formats are not supported.
 */
import { encodePng, MAX_PNG_SIDE } from '../../../core/png.js';
import { figmaError, notImplementedError } from '../errors.js';
import { absoluteBoundingBoxOf, containerTransformOf, isScene } from '../nodes/geometry.js';
import { absoluteRenderBoundsOf } from '../nodes/render-bounds.js';
import type { NodeDouble } from '../nodes/node-double.js';
import { pageOf } from '../nodes/tree.js';
import { multiply, unionRects } from '../transform.js';
import { Canvas } from './canvas.js';
import { encodeJpeg } from './encode-jpeg.js';
import { renderNode } from './render-tree.js';

/** The rendered pixels of an export, before encoding. */
export interface RenderedExport {
  canvas: Canvas;
  bounds: Rect;
  scale: number;
}

/** Exports a node (or a page) as image bytes. */
export async function exportNodeAsync(node: NodeDouble, settings?: unknown): Promise<Uint8Array> {
  const s = (settings ?? { format: 'PNG' }) as Partial<ExportSettingsImage> & { format?: string };
  if (s.format !== 'PNG' && s.format !== 'JPG') {
    throw notImplementedError(`exportAsync with format ${JSON.stringify(s.format)}`);
  }
  const { canvas } = renderForExport(node, s);
  const bytes = s.format === 'JPG' ? encodeJpeg(canvas.toRgba8([1, 1, 1])) : encodePng(canvas.toRgba8(), 1);
  // Figma resolves exports later, after rendering; so does the double, on a later task, so callers can't rely on it
  // being synchronous, and change events of the meantime (the caller's own temporary layers too) arrive first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return bytes;
}

/** Renders what an export would contain (also used by the playground to draw the canvas). */
export function renderForExport(node: NodeDouble, settings: Partial<ExportSettingsImage>): RenderedExport {
  const bounds = exportBounds(node, settings.useAbsoluteBounds === true);
  if (!bounds || bounds.width <= 0 || bounds.height <= 0) {
    throw figmaError('exportAsync', 'Failed to export node. This node may not have any visible layers.');
  }
  const scale = scaleFor(bounds, settings.constraint);
  const width = Math.max(1, Math.round(bounds.width * scale));
  const height = Math.max(1, Math.round(bounds.height * scale));
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw figmaError(
      'exportAsync',
      `Export is too large: ${width}×${height} px (the double allows ${MAX_PNG_SIDE} px a side)`,
    );
  }
  const device: Transform = [
    [scale, 0, -bounds.x * scale],
    [0, scale, -bounds.y * scale],
  ];
  const canvas = new Canvas(width, height);
  const rc = { canvas, clip: null, pixelsOf: (hash: string) => node.$ctx.images.pixels(hash) };
  const page = pageOf(node);
  if (node.type === 'PAGE' || settings.contentsOnly !== false || !page) {
    renderNode(node, multiply(device, containerTransformOf(node)), rc, true);
  } else {
    renderNode(page, device, rc);
  }
  return { canvas, bounds, scale };
}

/** The area an export covers, on the page. */
function exportBounds(node: NodeDouble, useAbsoluteBounds: boolean): Rect | null {
  if (node.type === 'PAGE') {
    const rects = (node.$children ?? []).flatMap((c) => {
      const r = useAbsoluteBounds ? absoluteBoundingBoxOf(c) : absoluteRenderBoundsOf(c);
      return r ? [r] : [];
    });
    return unionRects(rects);
  }
  if (!isScene(node)) return null;
  if (useAbsoluteBounds) return absoluteBoundingBoxOf(node);
  return absoluteRenderBoundsOf(node) ?? absoluteBoundingBoxOf(node);
}

function scaleFor(bounds: Rect, constraint: ExportSettingsConstraints | undefined): number {
  if (!constraint) return 1;
  const { type, value } = constraint;
  if (typeof value !== 'number' || !(value > 0)) throw figmaError('exportAsync', 'Expected constraint.value > 0');
  if (type === 'SCALE') return value;
  if (type === 'WIDTH') return value / bounds.width;
  if (type === 'HEIGHT') return value / bounds.height;
  throw figmaError('exportAsync', `Unknown constraint type ${JSON.stringify(type)}`);
}
