/** EXPORT_NODE: the layer's PNG for an edit, or `stale_node` when it has gone. */
import { exportConstraint } from '../../core/export-plan.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { exportPngAsync } from '../export-png.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleExportNode: UiMessageHandlers<HandlerContext>['EXPORT_NODE'] = async (message, { figma }) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  const node = found.value;
  return exportPngAsync(node, exportConstraint(node.width, node.height, message.maxSide));
};
