/**
 * The sandbox's handler table as a type (core/messages.ts): one handler per panel message, so a message without a
 * handler is a compile error. plugin/handlers/index.ts is that table.
 */
import type { Result } from './result.js';
import type { ReplyValues, RequestType } from './reply-values.js';
import type { UiMessageOf, UiMessageType } from './ui-messages.js';

/**
 * One handler per panel message; a missing one is a compile error. Requests resolve to the reply's
 * {@link Result}; notifications resolve to nothing.
 */
export type UiMessageHandlers<Context> = {
  [K in UiMessageType]: (
    message: UiMessageOf<K>,
    context: Context,
  ) => K extends RequestType ? Promise<Result<ReplyValues[K]>> : Promise<void>;
};
