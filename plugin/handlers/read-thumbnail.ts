/** READ_THUMBNAIL: a small PNG of a layer for the History view, or `stale_node` when it has gone. */
import { exportConstraint } from '../../core/export-plan.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { exportPngAsync } from '../export-png.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

/** Longest side of a history thumbnail: rows show them at 40 px, so this is sharp at 2× and a little more. */
export const HISTORY_THUMBNAIL_SIDE = 96;

export const handleReadThumbnail: UiMessageHandlers<HandlerContext>['READ_THUMBNAIL'] = async (message, { figma }) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  const node = found.value;
  return exportPngAsync(node, exportConstraint(node.width, node.height, HISTORY_THUMBNAIL_SIDE));
};
