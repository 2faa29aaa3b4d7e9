/** UI_READY: the panel has loaded; tell it what is selected. */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { postSelectionAsync } from '../post-selection.js';

export const handleUiReady: UiMessageHandlers<HandlerContext>['UI_READY'] = async (_message, context) => {
  await postSelectionAsync(context);
};
