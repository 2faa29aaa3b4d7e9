/**
 * Rendered bitmaps of top-level layers, drawn with the Figma double's own rasterizer (the same pixels `exportAsync`
 * gives the plugin), and re-rendered only when something inside a layer changed. Moving a layer does not count:
 * its key leaves out the layer's own position.
 */
import type { FigmaDouble } from '../figma-double/index.js';

interface Entry {
  key: string;
  bitmap: ImageBitmap;
}

export interface RenderCache {
  /** The bitmap for a top-level layer, rendering it when it changed; null for an empty layer. */
  bitmapAsync(node: SceneNode): Promise<ImageBitmap | null>;
  /** Forgets layers that no longer exist. */
  retain(ids: ReadonlySet<string>): void;
}

export function createRenderCache(double: FigmaDouble): RenderCache {
  const entries = new Map<string, Entry>();
  return {
    async bitmapAsync(node) {
      const key = contentKey(node, true);
      const cached = entries.get(node.id);
      if (cached?.key === key) return cached.bitmap;
      const box = node.absoluteBoundingBox;
      if (!box || box.width < 1 || box.height < 1) return null;
      const rgba = double.renderPixels(node, { useAbsoluteBounds: true });
      const data = new ImageData(
        new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, rgba.data.length),
        rgba.width,
        rgba.height,
      );
      const bitmap = await createImageBitmap(data);
      cached?.bitmap.close();
      entries.set(node.id, { key, bitmap });
      return bitmap;
    },
    retain(ids) {
      for (const [id, entry] of entries) {
        if (!ids.has(id)) {
          entry.bitmap.close();
          entries.delete(id);
        }
      }
    },
  };
}

/** Everything about a layer that changes its pixels, read through the public API. */
function contentKey(node: SceneNode, topLevel: boolean): string {
  const n = node as SceneNode & Partial<Record<string, unknown>>;
  const parts: unknown[] = [
    node.type,
    node.visible,
    topLevel ? null : [n.x, n.y],
    n.width,
    n.height,
    n.rotation,
    n.opacity,
    'fills' in node ? node.fills : null,
    'strokes' in node ? node.strokes : null,
    'strokeWeight' in node ? node.strokeWeight : null,
    'cornerRadius' in node ? node.cornerRadius : null,
    'clipsContent' in node ? node.clipsContent : null,
    'characters' in node ? [node.characters, node.fontSize, node.fontName] : null,
    'vectorPaths' in node ? node.vectorPaths : null,
  ];
  const own = JSON.stringify(parts, (_k, v: unknown) => (typeof v === 'symbol' ? 'mixed' : v));
  const children = 'children' in node ? node.children.map((c) => contentKey(c, false)).join('|') : '';
  return `${own}[${children}]`;
}
