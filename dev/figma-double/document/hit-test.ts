/** Which node a click on the canvas picks: like a first click in Figma, the top-most top-level layer there. */
import { absoluteBoundingBoxOf, isShown } from '../nodes/geometry.js';
import type { NodeDouble } from '../nodes/node-double.js';
import type { DoubleContext } from './context.js';

/** The top-most visible top-level node of the current page whose box holds the page point (x, y), or null. */
export function hitTest(ctx: DoubleContext, x: number, y: number): NodeDouble | null {
  const children = ctx.currentPage.$children ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i]!;
    const box = absoluteBoundingBoxOf(node);
    if (box && isShown(node) && x >= box.x && y >= box.y && x <= box.x + box.width && y <= box.y + box.height)
      return node;
  }
  return null;
}
