/** EXPORT_SOURCE: the layer being edited at its export scale, text or inner layers hidden on a temporary copy. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { exportSourceAsync } from '../export-source.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleExportSource: UiMessageHandlers<HandlerContext>['EXPORT_SOURCE'] = async (
  message,
  { figma, history },
) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  return exportSourceAsync(figma, found.value, {
    scale: message.scale,
    hideText: message.hideText,
    hideNodeIds: message.hideNodeIds,
    markTemporary: history.markTemporary,
  });
};
