/** Setup shared by the tests of the Figma double's `exportAsync`: colours, layers to draw, and pixels to read back. */
import { decodePng, type RgbaImage } from '../../core/png.js';
import { createFigmaDouble } from '../../dev/figma-double/index.js';

/** Pure red, green and blue. */
export const RED = { r: 1, g: 0, b: 0 };
export const GREEN = { r: 0, g: 1, b: 0 };
export const BLUE = { r: 0, g: 0, b: 1 };
/** One solid paint of `color`. */
export const solid = (color: RGB, opacity = 1): SolidPaint[] => [{ type: 'SOLID', color, opacity }];

/** The RGBA bytes of one pixel. */
export function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

/** Exports `node` with `settings` and decodes the PNG. */
export async function exportPng(
  node: ExportMixin,
  settings: ExportSettingsImage = { format: 'PNG' },
): Promise<RgbaImage> {
  return decodePng(await node.exportAsync(settings));
}

/** A frame of the given size and colour on the current page. */
export function frame(figma: PluginAPI, width: number, height: number, color: RGB = { r: 1, g: 1, b: 1 }): FrameNode {
  const f = figma.createFrame();
  f.resize(width, height);
  f.fills = solid(color);
  return f;
}

/** A rectangle of the given box and colour inside `parent`, made by the double of the current test. */
export function rect(
  parent: FrameNode,
  x: number,
  y: number,
  width: number,
  height: number,
  color: RGB,
): RectangleNode {
  const node = current!.createRectangle();
  parent.appendChild(node);
  node.x = x;
  node.y = y;
  node.resize(width, height);
  node.fills = solid(color);
  return node;
}

/** The double the current test uses (set by `setup`). */
let current: PluginAPI | null = null;
/** A new Figma double for the test; `rect` draws on it. */
export function setup(): PluginAPI {
  current = createFigmaDouble().figma as unknown as PluginAPI;
  return current;
}
