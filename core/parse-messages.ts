/**
 * Receiving a message on either side (core/messages.ts): each is validated with zod and becomes a valid message or
 * a `bad_message` error that says what was wrong, with the requestId to reply to when one was readable. Never throws.
 */
import type * as z from 'zod/mini';
import { appError, type AppError } from './errors.js';
import { replyValueSchemas, type ReplyValues, type RequestType } from './reply-values.js';
import type { Result } from './result.js';
import { SANDBOX_MESSAGE_TYPES, sandboxMessageSchema, type SandboxMessage } from './sandbox-messages.js';
import { UI_MESSAGE_TYPES, uiMessageSchema, type UiMessage } from './ui-messages.js';
import { describeZodIssue } from './zod-issue.js';

/** A received message: valid, or the error to report (with the requestId to reply to, when one was readable). */
export type Received<T> = { ok: true; message: T } | { ok: false; requestId: number | null; error: AppError };

/** Validates a message from the panel. Never throws. */
export function parseUiMessage(raw: unknown): Received<UiMessage> {
  return receive(uiMessageSchema, UI_MESSAGE_TYPES, raw);
}

/** Validates a message from the sandbox. Never throws. */
export function parseSandboxMessage(raw: unknown): Received<SandboxMessage> {
  return receive(sandboxMessageSchema, SANDBOX_MESSAGE_TYPES, raw);
}

/** Checks a reply's value against what its request type promises. */
export function parseReplyValue<K extends RequestType>(type: K, value: unknown): Result<ReplyValues[K]> {
  const parsed = replyValueSchemas[type].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as ReplyValues[K] };
  return { ok: false, error: badMessage(`the reply to ${type} (${describeZodIssue(parsed.error, value)})`) };
}

/** Parses `raw` with `schema`; on failure, says whether its type was unknown or which field was wrong. */
function receive<T>(schema: z.ZodMiniType<T>, types: readonly string[], raw: unknown): Received<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = record.requestId;
  const type = typeof record.type === 'string' ? record.type.slice(0, 40) : null;
  const known = type !== null && types.includes(type);
  const detail =
    type === null
      ? 'a message without a type'
      : known
        ? `${type} (${describeZodIssue(parsed.error, raw)})`
        : `${type} is not a known message type`;
  return {
    ok: false,
    requestId: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null,
    error: badMessage(detail),
  };
}

/** The `bad_message` error, with what to do next. */
function badMessage(detail: string): AppError {
  return appError('bad_message', `The plugin received a message it did not understand: ${detail}. Reload the plugin.`);
}
