/** READ_TURN: a layer's turn record, null without one, `corrupt_history` when it cannot be read. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY } from '../../core/turn-record.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleReadTurn: UiMessageHandlers<HandlerContext>['READ_TURN'] = async (message, { figma }) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  return found.ok ? parseTurnRecord(found.value.getPluginData(TURN_RECORD_KEY)) : found;
};
