/** NOTIFY: a Figma toast (Figma truncates it to 100 characters: docs/figma-platform.md#conventions). */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';

export const handleNotify: UiMessageHandlers<HandlerContext>['NOTIFY'] = async (message, { figma }) => {
  figma.notify(message.message, { error: message.error ?? false });
};
