/**
 * The panel end of the sandbox channel: the only file that calls `parent.postMessage` or listens to `message`
 * events (docs/contributing.md#one-file-per-outside-call). Requests get a numeric requestId and resolve to exactly one
 * {@link Result}: the sandbox's reply (its value checked against the reply schema), or an error on timeout.
 * Figma wraps messages as `{ pluginMessage }` both ways (docs/figma-platform.md#messages).
 */
import { appError } from '../core/errors.js';
import {
  parseReplyValue,
  parseSandboxMessage,
  type NotificationType,
  type ReplyValues,
  type RequestType,
  type SandboxMessage,
  type UiMessageOf,
} from '../core/messages.js';
import { fail, type Result } from '../core/result.js';

/** The window the panel runs in, or a stand-in with the same three members. */
export interface BridgeHost {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Messages the sandbox sends on its own (everything except replies). */
export type PushMessage = Exclude<SandboxMessage, { type: 'REPLY' }>;

/** Fields of a request besides its type and requestId. */
export type RequestFields<K extends RequestType> = Omit<UiMessageOf<K>, 'type' | 'requestId'>;

/** The panel's end of the channel: requests and notifications to the sandbox, and the sandbox's pushes. */
export interface PanelBridge {
  /** Sends a request; resolves once, with the reply or a timeout error. */
  request<K extends RequestType>(
    type: K,
    fields: RequestFields<K>,
    options?: { timeoutMs?: number },
  ): Promise<Result<ReplyValues[K]>>;
  /** Sends a message that expects no reply. */
  notify(message: UiMessageOf<NotificationType>): void;
  /** Calls `listener` for every pushed message; returns the unsubscribe. */
  subscribe(listener: (message: PushMessage) => void): () => void;
  /** Stops listening; pending requests resolve as cancelled. */
  close(): void;
}

/** How long a request may wait for its reply: exports and placement of 4K images take a while. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

interface Pending {
  type: RequestType;
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

/** The bridge over `host` (the panel's `window` by default). */
export function createPanelBridge(host: BridgeHost = window): PanelBridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(message: PushMessage) => void>();

  const push = (message: PushMessage): void => {
    for (const listener of listeners) listener(message);
  };
  const settle = (requestId: number, result: Result<unknown>): void => {
    const waiting = pending.get(requestId);
    if (!waiting) return;
    pending.delete(requestId);
    clearTimeout(waiting.timer);
    waiting.resolve(result);
  };
  const onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return;
    const received = parseSandboxMessage(data.pluginMessage);
    if (!received.ok) {
      if (received.requestId !== null && pending.has(received.requestId))
        settle(received.requestId, fail(received.error));
      else push({ type: 'ERROR', error: received.error });
      return;
    }
    const message = received.message;
    if (message.type !== 'REPLY') {
      push(message);
      return;
    }
    const waiting = pending.get(message.requestId);
    if (!waiting) return; // A reply after its timeout: the requester has already been answered.
    settle(message.requestId, message.ok ? parseReplyValue(waiting.type, message.value) : fail(message.error));
  };
  host.addEventListener('message', onMessage);

  return {
    request(type, fields, options) {
      const requestId = nextId++;
      const timeoutMs = options?.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          settle(
            requestId,
            fail(
              appError(
                'sandbox_timeout',
                `Figma did not answer the panel (${type}) in time. Close and reopen the plugin, then try again.`,
              ),
            ),
          );
        }, timeoutMs);
        pending.set(requestId, { type, resolve: resolve as (result: Result<unknown>) => void, timer });
        host.parent.postMessage({ pluginMessage: { ...fields, type, requestId } }, '*');
      });
    },
    notify(message) {
      host.parent.postMessage({ pluginMessage: message }, '*');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      host.removeEventListener('message', onMessage);
      for (const requestId of [...pending.keys()]) settle(requestId, fail(appError('cancelled')));
      listeners.clear();
    },
  };
}
