/** PLACE_RESULT: one result image onto the canvas, with its turn record. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { applyInPlaceAsync } from '../apply-in-place.js';
import type { HandlerContext } from '../handler-context.js';
import { placeLiveTextResultAsync } from '../place-live-text-result.js';
import { placeResultAsync } from '../place-result.js';

/**
 * With `applyInPlace`, the result replaces the source's image fill (plugin/apply-in-place.ts); with `liveText` (Keep
 * text editable), it is a copy of the source frame with its text kept live; otherwise a new layer.
 */
export const handlePlaceResult: UiMessageHandlers<HandlerContext>['PLACE_RESULT'] = (message, context) =>
  message.applyInPlace
    ? applyInPlaceAsync(context, message)
    : message.liveText
      ? placeLiveTextResultAsync(context, message)
      : placeResultAsync(context, message);
