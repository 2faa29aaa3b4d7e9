/**
 * Reads the visible text layers inside a frame (posters and layouts, docs/architecture.md#posters-and-live-text): their
 * strings, sizes and boxes in the frame's own coordinates, for the panel to give the instruction as context. Capped, so
 * a text-heavy frame keeps the snapshot small.
 */
import { MAX_SNAPSHOT_TEXT_CHARS, MAX_SNAPSHOT_TEXTS, type TextLayerSnapshot } from '../core/messages.js';

/** The visible text layers inside `node` (not `node` itself), in page order; undefined for a layer without children. */
export function readTextLayers(node: SceneNode): TextLayerSnapshot[] | undefined {
  if (!('findAllWithCriteria' in node)) return undefined;
  const frame = node.absoluteBoundingBox;
  if (!frame) return undefined;
  const texts: TextLayerSnapshot[] = [];
  for (const text of node.findAllWithCriteria({ types: ['TEXT'] })) {
    if (texts.length >= MAX_SNAPSHOT_TEXTS) break;
    const box = text.absoluteBoundingBox;
    if (!box || !isShownWithin(text, node)) continue;
    texts.push({
      name: text.name.slice(0, 200),
      characters: text.characters.slice(0, MAX_SNAPSHOT_TEXT_CHARS),
      // A text with several sizes answers figma.mixed, a symbol.
      fontSize: typeof text.fontSize === 'number' ? text.fontSize : null,
      x: box.x - frame.x,
      y: box.y - frame.y,
      width: box.width,
      height: box.height,
    });
  }
  return texts;
}

/** Whether `node` and its ancestors up to (not including) `root` are visible. */
export function isShownWithin(node: SceneNode, root: BaseNode): boolean {
  for (let current: BaseNode | null = node; current && current !== root; current = current.parent) {
    if ('visible' in current && !current.visible) return false;
  }
  return true;
}
