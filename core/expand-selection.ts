/**
 * What Expand grows, read from the selection (docs/image-tools.md#expand): the one selected image or frame (the
 * panel's edit target), or an image with a larger empty frame the designer drew around it, selected together — the
 * frame is the new canvas. Like a region's host (core/pick-region-host.ts) this reads boxes on the page, but here the
 * larger layer is the canvas, and it must be empty: no image of its own, no text.
 */
import type { NodeSnapshot } from './node-snapshot.js';

/** The layer to grow and, when one was drawn around it, the frame to grow it to. */
export interface ExpandSource {
  source: NodeSnapshot;
  frame: NodeSnapshot | null;
}

/** What Expand would grow for this selection, or null when it offers nothing. */
export function expandSourceOf(selection: readonly NodeSnapshot[], target: NodeSnapshot | null): ExpandSource | null {
  if (selection.length === 2) {
    const [a, b] = selection as [NodeSnapshot, NodeSnapshot];
    if (isEmptyFrame(a) && contains(a, b)) return { source: b, frame: a };
    if (isEmptyFrame(b) && contains(b, a)) return { source: a, frame: b };
  }
  if (selection.length === 1 && target && target.width > 0 && target.height > 0) return { source: target, frame: null };
  return null;
}

function isEmptyFrame(node: NodeSnapshot): boolean {
  return node.type === 'FRAME' && !node.hasImageFill && !node.hasText && node.box !== undefined;
}

/** `outer`'s box holds `inner`'s, and is larger. */
function contains(outer: NodeSnapshot, inner: NodeSnapshot): boolean {
  const o = outer.box;
  const i = inner.box;
  if (!o || !i || i.width <= 0 || i.height <= 0) return false;
  const eps = 0.01;
  return (
    i.x >= o.x - eps &&
    i.y >= o.y - eps &&
    i.x + i.width <= o.x + o.width + eps &&
    i.y + i.height <= o.y + o.height + eps &&
    o.width * o.height > i.width * i.height
  );
}
