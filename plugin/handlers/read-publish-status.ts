/** READ_PUBLISH_STATUS: whether a component set (or component) is published, or null when Figma cannot tell. */
import { appError } from '../../core/errors.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { fail, ok } from '../../core/result.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';
import { readPublishStatusAsync } from '../publish-status.js';

export const handleReadPublishStatus: UiMessageHandlers<HandlerContext>['READ_PUBLISH_STATUS'] = async (
  message,
  { figma },
) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  const node = found.value;
  if (node.type !== 'COMPONENT_SET' && node.type !== 'COMPONENT') {
    return fail(
      appError('bad_request', `“${node.name}” is not a component or component set, so it cannot be published.`),
    );
  }
  return ok(await readPublishStatusAsync(node));
};
