/** PLACE_RESULT: one result image onto the canvas, with its turn record. */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { placeLiveTextResultAsync } from '../place-live-text-result.js';
import { placeResultAsync } from '../place-result.js';

/** With `liveText` (Keep text editable), the result is a copy of the source frame with its text kept live. */
export const handlePlaceResult: UiMessageHandlers<HandlerContext>['PLACE_RESULT'] = (message, context) =>
  message.liveText ? placeLiveTextResultAsync(context, message) : placeResultAsync(context, message);
