/** ADJUST_IMAGE: an instant adjustment's copy beside its layer (plugin/adjust-image.ts). */
import type { UiMessageHandlers } from '../../core/messages.js';
import { adjustImageAsync } from '../adjust-image.js';
import type { HandlerContext } from '../handler-context.js';

export const handleAdjustImage: UiMessageHandlers<HandlerContext>['ADJUST_IMAGE'] = (message, context) =>
  adjustImageAsync(context, message);
