/** PLACE_RESULT: one result image onto the canvas, with its turn record. */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { placeResultAsync } from '../place-result.js';

export const handlePlaceResult: UiMessageHandlers<HandlerContext>['PLACE_RESULT'] = (message, context) =>
  placeResultAsync(context, message);
