/**
 * What each panel request is answered with when it succeeds (core/messages.ts): the reply table, and the request and
 * notification types derived from it. The panel checks every REPLY's value against this table.
 */
import * as z from 'zod/mini';
import { batchNoteSchema } from './batch-note.js';
import { brandSnapshotSchema } from './brand-snapshot.js';
import { componentSetMadeSchema, publishStatusSchema } from './component-set-made.js';
import { fileKeySchema } from './file-key.js';
import { historySnapshotSchema } from './history-snapshot.js';
import { bytes, nodeId, pixels, type Same } from './message-fields.js';
import { settingsSchema } from './settings.js';
import { turnRecordSchema } from './turn-record.js';
import type { UiMessage, UiMessageOf, UiMessageType } from './ui-messages.js';

/** An exported layer: PNG bytes and their pixel size. */
export const exportedImageSchema = z.object({ nodeId, bytes, width: pixels, height: pixels });
/** An exported layer's PNG. */
export type ExportedImage = z.infer<typeof exportedImageSchema>;

/** The layer a PLACE_RESULT made, and the record written on it. */
export const placedResultSchema = z.object({
  nodeId,
  name: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  record: turnRecordSchema,
  /** The source was deleted while Gemini worked: the result is at its old spot (the name is the press's). */
  sourceDeleted: z.optional(z.object({ name: z.string() })),
});
/** The layer a PLACE_RESULT made. */
export type PlacedResult = z.infer<typeof placedResultSchema>;

/** What each request type is answered with when it succeeds. */
export const replyValueSchemas = {
  LOAD_SETTINGS: settingsSchema,
  SAVE_SETTINGS: settingsSchema,
  EXPORT_NODE: exportedImageSchema,
  PLACE_RESULT: placedResultSchema,
  SELECT_NODES: z.null(),
  READ_TURN: z.nullable(turnRecordSchema),
  READ_HISTORY: historySnapshotSchema,
  READ_THUMBNAIL: exportedImageSchema,
  EXPORT_SOURCE: exportedImageSchema,
  EXPORT_REGION_MASK: exportedImageSchema,
  MAKE_COMPONENT_SET: componentSetMadeSchema,
  READ_PUBLISH_STATUS: z.nullable(publishStatusSchema),
  READ_IMAGE_PIXELS: z.nullable(z.object({ width: z.int().check(z.positive()), height: z.int().check(z.positive()) })),
  READ_BRAND: brandSnapshotSchema,
  SET_BRAND_FRAME: brandSnapshotSchema,
  READ_FILE_KEY: fileKeySchema,
  ADJUST_IMAGE: placedResultSchema,
  PEEK_FILE_KEY: z.nullable(fileKeySchema),
  KEEP_BATCH_NOTE: z.null(),
  READ_BATCH_NOTE: z.nullable(batchNoteSchema),
} as const;

/** Request type → reply value. */
export type ReplyValues = { [K in keyof typeof replyValueSchemas]: z.infer<(typeof replyValueSchemas)[K]> };
/** Message types that expect a reply. */
export type RequestType = keyof ReplyValues;
/** Message types that expect none. */
export type NotificationType = Exclude<UiMessageType, RequestType>;
/** A request as the panel writes it; the bridge adds the requestId. */
export type RequestBody<K extends RequestType> = Omit<UiMessageOf<K>, 'requestId'>;

// A request type without a reply schema (or a reply schema for a message that has no requestId) fails here.
const repliesCoverRequests: Same<Extract<UiMessage, { requestId: number }>['type'], RequestType> = true;
void repliesCoverRequests;
