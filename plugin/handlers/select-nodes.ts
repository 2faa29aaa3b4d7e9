/** SELECT_NODES: select layers and bring them into view; `stale_node` (selection unchanged) if any has gone. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleSelectNodes: UiMessageHandlers<HandlerContext>['SELECT_NODES'] = async (message, { figma }) => {
  const nodes: SceneNode[] = [];
  for (const id of message.nodeIds) {
    const found = await findSceneNodeAsync(figma, id);
    if (!found.ok) return found;
    nodes.push(found.value);
  }
  figma.currentPage.selection = nodes;
  figma.viewport.scrollAndZoomIntoView(nodes);
  return ok(null);
};
