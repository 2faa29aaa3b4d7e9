/** EXPORT_REGION_MASK: the shape's alpha on the source's pixel grid, or `stale_node` when either has gone. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { exportRegionMaskAsync } from '../export-region-mask.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleExportRegionMask: UiMessageHandlers<HandlerContext>['EXPORT_REGION_MASK'] = async (
  message,
  { figma, history },
) => {
  const source = await findSceneNodeAsync(figma, message.sourceNodeId);
  if (!source.ok) return source;
  const shape = await findSceneNodeAsync(figma, message.shapeNodeId);
  if (!shape.ok) return shape;
  return exportRegionMaskAsync(figma, source.value, shape.value, message.scale, history.markTemporary);
};
