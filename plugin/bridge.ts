/**
 * The sandbox end of the panel channel: the only file that calls `figma.ui.postMessage` or sets `figma.ui.onmessage`
 * (docs/contributing.md#one-file-per-outside-call). Every message is validated on receipt; a request gets exactly one
 * REPLY, a malformed one included (`bad_message`), and nothing a handler throws escapes as a crash.
 */
import { appError, isAppError, type AppError } from '../core/errors.js';
import { parseUiMessage, type SandboxMessage, type UiMessage, type UiMessageHandlers } from '../core/messages.js';
import type { Result } from '../core/result.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** The sandbox's end of the channel: messages to the panel, and the handlers that answer the panel's messages. */
export interface SandboxBridge {
  /** Sends one message to the panel. */
  post(message: SandboxMessage): void;
  /** Starts answering panel messages with `handlers`. */
  listen<Context>(handlers: UiMessageHandlers<Context>, context: Context): void;
  /** Stops listening. */
  close(): void;
}

/** The bridge over `figma.ui`. */
export function createSandboxBridge(figma: Pick<SandboxFigma, 'ui'>): SandboxBridge {
  const post = (message: SandboxMessage): void => figma.ui.postMessage(message);
  return {
    post,
    listen(handlers, context) {
      figma.ui.onmessage = (raw: unknown) => {
        void dispatchAsync(raw, handlers, context, post);
      };
    },
    close() {
      figma.ui.onmessage = undefined;
    },
  };
}

async function dispatchAsync<Context>(
  raw: unknown,
  handlers: UiMessageHandlers<Context>,
  context: Context,
  post: (message: SandboxMessage) => void,
): Promise<void> {
  const received = parseUiMessage(raw);
  if (!received.ok) {
    post(
      received.requestId === null
        ? { type: 'ERROR', error: received.error }
        : { type: 'REPLY', requestId: received.requestId, ok: false, error: received.error },
    );
    return;
  }
  const message = received.message;
  const requestId = 'requestId' in message ? message.requestId : null;
  // The table is keyed by type, so this handler takes exactly this message; TypeScript cannot follow that.
  const handler = handlers[message.type] as (m: UiMessage, c: Context) => Promise<Result<unknown> | void>;
  let outcome: Result<unknown> | void;
  try {
    outcome = await handler(message, context);
  } catch (thrown) {
    outcome = { ok: false, error: errorFromThrown(thrown) };
  }
  if (requestId === null) {
    if (outcome && !outcome.ok) post({ type: 'ERROR', error: outcome.error });
    return;
  }
  if (!outcome) {
    post({ type: 'REPLY', requestId, ok: false, error: errorFromThrown(undefined) });
    return;
  }
  post(
    outcome.ok
      ? { type: 'REPLY', requestId, ok: true, value: outcome.value }
      : { type: 'REPLY', requestId, ...outcome },
  );
}

/** What a thrown value becomes when it reaches the boundary: a data error, never an Error object. */
function errorFromThrown(thrown: unknown): AppError {
  if (isAppError(thrown)) return appError(thrown.code, thrown.message);
  const detail = thrown instanceof Error ? thrown.message : thrown === undefined ? 'no answer' : String(thrown);
  return appError(
    'internal_error',
    `Figma could not do that (${detail.slice(0, 200)}). Try again, or reload the plugin.`,
  );
}
