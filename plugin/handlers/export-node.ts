/** EXPORT_NODE: the layer's PNG for an edit, or `stale_node` when it has gone. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { exportPngAsync } from '../export-png.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleExportNode: UiMessageHandlers<HandlerContext>['EXPORT_NODE'] = async (message, { figma }) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  return found.ok ? exportPngAsync(found.value, message.maxSide) : found;
};
