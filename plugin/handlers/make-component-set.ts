/** MAKE_COMPONENT_SET: selected Banana Studio results become one component set; anything else is refused by name. */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { makeComponentSetAsync } from '../make-component-set.js';

export const handleMakeComponentSet: UiMessageHandlers<HandlerContext>['MAKE_COMPONENT_SET'] = async (
  message,
  context,
) => {
  const made = await makeComponentSetAsync(context, message.nodeIds);
  // The results became components that carry their records: what the page's history index read is out of date.
  if (made.ok) context.history.invalidate();
  return made;
};
