/**
 * Finds the layer a lone selected shape marks a region of: the topmost frame or image layer painted below it on its
 * page whose box covers most of the shape's (core/pick-region-host.ts). A designer draws a shape over a photo and
 * selects just the shape; the panel then edits inside it on the photo.
 */
import type { Rect } from '../core/aspect.js';
import { pickRegionHost } from '../core/pick-region-host.js';
import { isShapeLayer } from '../core/selection-roles.js';

/** Layer types that can hold a region as frames do (an image layer of any type holds one too). */
const HOST_FRAME_TYPES: readonly string[] = ['FRAME', 'COMPONENT', 'INSTANCE'];

function hasImageFill(node: SceneNode): boolean {
  return 'fills' in node && Array.isArray(node.fills) && node.fills.some((paint: Paint) => paint.type === 'IMAGE');
}

function boxOf(node: SceneNode): Rect | null {
  const box = node.absoluteBoundingBox;
  return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
}

/**
 * The layers painted before `shape` on `page` that could hold a region, bottom first: a depth-first walk in paint
 * order (a parent before its children, children bottom first) that stops at the shape. Hidden layers are skipped
 * with what they hold.
 */
function hostsBelow(page: PageNode, shape: SceneNode): { node: SceneNode; id: string; box: Rect }[] {
  const found: { node: SceneNode; id: string; box: Rect }[] = [];
  let reached = false;
  const walk = (nodes: readonly SceneNode[]) => {
    for (const node of nodes) {
      if (reached) return;
      if (node === shape) {
        reached = true;
        return;
      }
      if (!node.visible) continue;
      const box = boxOf(node);
      if (box && (HOST_FRAME_TYPES.includes(node.type) || hasImageFill(node))) found.push({ node, id: node.id, box });
      if ('children' in node) walk(node.children);
    }
  };
  walk(page.children);
  return reached ? found : [];
}

/** The frame or image layer under `shape` that it marks a region of, or null when it is not a lone region shape. */
export function findRegionHost(page: PageNode, shape: SceneNode): SceneNode | null {
  if (!isShapeLayer({ type: shape.type, hasImageFill: hasImageFill(shape) })) return null;
  const box = boxOf(shape);
  if (!box) return null;
  return pickRegionHost(box, hostsBelow(page, shape))?.node ?? null;
}
