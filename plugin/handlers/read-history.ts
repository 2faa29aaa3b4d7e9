/** READ_HISTORY: every turn record on the current page, for the panel's history graph. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import type { HandlerContext } from '../handler-context.js';
import { readHistoryAsync } from '../read-history.js';

export const handleReadHistory: UiMessageHandlers<HandlerContext>['READ_HISTORY'] = async (
  _message,
  { figma, history },
) => ok(await readHistoryAsync(figma, history.entries()));
