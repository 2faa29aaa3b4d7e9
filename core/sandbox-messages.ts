/**
 * The sandbox → panel half of the contract (core/messages.ts): the selection and its thumbnail, the one REPLY to each
 * request, errors not tied to a request, and word that the history changed. Uses `zod/mini` so the sandbox bundle
 * stays small.
 */
import * as z from 'zod/mini';
import { appErrorSchema, bytes, nodeId, pixels, requestId, type Same } from './message-fields.js';
import { nodeSnapshotSchema } from './node-snapshot.js';

/**
 * Most snapshots one SELECTION_CHANGED carries; `count` still tells how many layers are selected. As many as a batch
 * over a selection edits (core/batch-plan.ts `MAX_BATCH_FRAMES`), which needs each frame's snapshot.
 */
export const MAX_SNAPSHOTS = 200;

/** The selection changed (also sent after UI_READY). */
export const selectionChangedMessageSchema = z.strictObject({
  type: z.literal('SELECTION_CHANGED'),
  nodes: z.array(nodeSnapshotSchema).check(z.maxLength(MAX_SNAPSHOTS)),
  /** How many layers are selected, which may be more than `nodes` holds. */
  count: z.int().check(z.nonnegative()),
  /**
   * When the selection is one shape alone: the frame or image layer under it that it marks a region of
   * (plugin/find-region-host.ts), which the panel edits inside the shape.
   */
  regionHost: z.optional(nodeSnapshotSchema),
});
/** A small PNG of the first selected layer, sent after its SELECTION_CHANGED. */
export const thumbnailMessageSchema = z.strictObject({
  type: z.literal('THUMBNAIL'),
  nodeId,
  bytes,
  width: pixels,
  height: pixels,
});
const replyOkSchema = z.strictObject({
  type: z.literal('REPLY'),
  requestId,
  ok: z.literal(true),
  value: z.unknown(),
});
const replyFailSchema = z.strictObject({
  type: z.literal('REPLY'),
  requestId,
  ok: z.literal(false),
  error: appErrorSchema,
});
/** The one answer to a request; the requester checks `value` against `replyValueSchemas` (core/reply-values.ts). */
export const replyMessageSchema = z.discriminatedUnion('ok', [replyOkSchema, replyFailSchema]);
/** A problem not tied to a request (a malformed message without a requestId, a failed thumbnail, …). */
export const errorMessageSchema = z.strictObject({ type: z.literal('ERROR'), error: appErrorSchema });
/**
 * Result layers on the current page were added, removed or had their records changed (a new turn, ⌘Z, a
 * duplicate, a teammate's edit), or the page changed: a shown history should be read again.
 */
export const historyChangedMessageSchema = z.strictObject({ type: z.literal('HISTORY_CHANGED') });

/** Every message the sandbox sends, as received by the panel. */
export const sandboxMessageSchema = z.discriminatedUnion('type', [
  selectionChangedMessageSchema,
  thumbnailMessageSchema,
  replyMessageSchema,
  errorMessageSchema,
  historyChangedMessageSchema,
]);
/** Every message the sandbox sends to the panel. */
export type SandboxMessage = z.infer<typeof sandboxMessageSchema>;
/** The `type` of every sandbox message. */
export type SandboxMessageType = SandboxMessage['type'];
/** A REPLY, successful or failed. */
export type ReplyMessage = z.infer<typeof replyMessageSchema>;

/** Every sandbox message type. */
export const SANDBOX_MESSAGE_TYPES = ['SELECTION_CHANGED', 'THUMBNAIL', 'REPLY', 'ERROR', 'HISTORY_CHANGED'] as const;
// A type missing from the list (or listed but not in the union) fails here.
const typeListComplete: Same<(typeof SANDBOX_MESSAGE_TYPES)[number], SandboxMessageType> = true;
void typeListComplete;
