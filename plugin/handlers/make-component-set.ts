/** MAKE_COMPONENT_SET: selected Banana Studio results become one component set; anything else is refused by name. */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { makeComponentSetAsync } from '../make-component-set.js';

export const handleMakeComponentSet: UiMessageHandlers<HandlerContext>['MAKE_COMPONENT_SET'] = (message, context) =>
  makeComponentSetAsync(context, message.nodeIds);
