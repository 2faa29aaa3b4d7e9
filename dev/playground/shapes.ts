import type { FigmaDoubleApi } from '../figma-double/index.js';
/**
 * Layers a designer makes in the playground: a frame, rectangle, ellipse, polygon or star drawn on the canvas, a
 * pen path drawn freehand, and an image dropped or pasted in. They are the user's own layers, which the plugin must
 * never change.
 */
export type ShapeTool = 'frame' | 'rectangle' | 'ellipse' | 'polygon' | 'star';

const MIN_SIZE = 8;
const DEFAULT_SIZE = {
  frame: [400, 300],
  rectangle: [160, 120],
  ellipse: [160, 160],
  polygon: [160, 140],
  star: [160, 160],
} as const;
const NAMES = { frame: 'Frame', rectangle: 'Rectangle', ellipse: 'Ellipse', polygon: 'Polygon', star: 'Star' } as const;

/** A shape from a drag between two page points; a click (no drag) makes a default-sized one. */
export function createShape(
  figma: FigmaDoubleApi,
  tool: ShapeTool,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): SceneNode {
  let width = Math.round(Math.abs(x1 - x0));
  let height = Math.round(Math.abs(y1 - y0));
  if (width < MIN_SIZE || height < MIN_SIZE) [width, height] = DEFAULT_SIZE[tool];
  const node =
    tool === 'frame'
      ? figma.createFrame()
      : tool === 'ellipse'
        ? figma.createEllipse()
        : tool === 'polygon'
          ? figma.createPolygon()
          : tool === 'star'
            ? figma.createStar()
            : figma.createRectangle();
  node.resize(width, height);
  node.x = Math.round(Math.min(x0, x1));
  node.y = Math.round(Math.min(y0, y1));
  const count = figma.currentPage.children.filter((n) => n.type === node.type).length;
  node.name = `${NAMES[tool]} ${count}`;
  if (tool === 'frame') node.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
  else node.fills = [{ type: 'SOLID', color: { r: 0.85, g: 0.85, b: 0.85 }, opacity: 1 }];
  return node;
}

/** Fewest points a pen path needs to enclose an area. */
const MIN_PEN_POINTS = 3;

/**
 * A closed pen path through page points (a freehand lasso), as a vector layer; null when it has too few points or
 * no area. Like Figma's pen, it is a VECTOR whose path is in page units.
 */
export function createPenPath(figma: FigmaDoubleApi, points: readonly { x: number; y: number }[]): SceneNode | null {
  if (points.length < MIN_PEN_POINTS) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  if (Math.max(...xs) - Math.min(...xs) < 2 || Math.max(...ys) - Math.min(...ys) < 2) return null;
  const data = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ') + ' Z';
  const node = figma.createVector();
  node.vectorPaths = [{ windingRule: 'NONZERO', data }];
  const count = figma.currentPage.children.filter((n) => n.type === 'VECTOR').length;
  node.name = `Path ${count}`;
  node.fills = [{ type: 'SOLID', color: { r: 0.85, g: 0.85, b: 0.85 }, opacity: 1 }];
  return node;
}

/** Largest side of an image layer the playground creates, in points (like Figma's own drop). */
const MAX_DROPPED_SIDE = 800;

/**
 * An image file dropped or pasted: decoded in the browser, scaled down when a side exceeds Figma's 4096 px limit
 * (docs/figma-platform.md#images-at-most-4096-px), and placed as a rectangle with an IMAGE fill centred on `at`.
 */
export async function createImageLayerAsync(
  figma: FigmaDoubleApi,
  file: Blob,
  name: string,
  at: { x: number; y: number },
): Promise<SceneNode> {
  const bitmap = await createImageBitmap(file);
  let bytes: Uint8Array;
  const scale = Math.min(1, 4096 / Math.max(bitmap.width, bitmap.height));
  if (scale < 1 || !/^image\/(png|jpeg|gif)$/.test(file.type)) {
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  } else {
    bytes = new Uint8Array(await file.arrayBuffer());
  }
  const image = figma.createImage(bytes);
  const fit = Math.min(1, MAX_DROPPED_SIDE / Math.max(bitmap.width, bitmap.height));
  const rect = figma.createRectangle();
  rect.name = name.replace(/\.[a-z0-9]+$/i, '') || 'Image';
  rect.resize(Math.max(1, Math.round(bitmap.width * fit)), Math.max(1, Math.round(bitmap.height * fit)));
  rect.x = Math.round(at.x - rect.width / 2);
  rect.y = Math.round(at.y - rect.height / 2);
  rect.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
  bitmap.close();
  return rect;
}
