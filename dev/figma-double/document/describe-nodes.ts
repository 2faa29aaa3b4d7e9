/** Every node as a small plain object, for assertions and for the playground's layer list. */
import { isScene } from '../nodes/geometry.js';
import { subtree } from '../nodes/tree.js';
import type { DoubleContext } from './context.js';

/** One node, described. Document and pages have x, y, width and height 0. */
export interface NodeDescription {
  id: string;
  name: string;
  type: NodeType;
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
  visible: boolean;
  pluginDataKeys: string[];
}

/** All nodes in document order, the document first. */
export function describeContext(ctx: DoubleContext): NodeDescription[] {
  return subtree(ctx.root).map((node) => {
    const t = isScene(node) ? node.$transform() : null;
    const size = isScene(node) ? node.$size() : { width: 0, height: 0 };
    return {
      id: node.id,
      name: node.$state.name,
      type: node.type,
      x: t ? t[0][2] : 0,
      y: t ? t[1][2] : 0,
      width: size.width,
      height: size.height,
      parentId: node.$parent?.id ?? null,
      visible: (node.$state as { visible?: boolean }).visible !== false,
      pluginDataKeys: Object.keys(node.$state.pluginData),
    };
  });
}
