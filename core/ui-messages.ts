/**
 * The panel → sandbox half of the contract (core/messages.ts): every message the panel sends, one discriminated
 * union on `type`. Requests carry a `requestId` and get one REPLY (core/reply-values.ts says with what);
 * notifications get none. Uses `zod/mini` so the sandbox bundle stays small.
 */
import * as z from 'zod/mini';
import { bytes, nodeId, pixels, requestId, type Same } from './message-fields.js';
import { panelSizeSchema } from './panel-size.js';
import { MAX_SNAPSHOTS } from './sandbox-messages.js';
import { settingsSchema } from './settings.js';
import { toneFiltersSchema } from './image-tool.js';
import { batchJobIdSchema, batchNoteSchema } from './batch-note.js';
import { turnDraftSchema } from './turn-record.js';

/** The panel has loaded: the sandbox answers with the current selection (and its thumbnail). */
export const uiReadyMessageSchema = z.strictObject({ type: z.literal('UI_READY') });
/** Read the settings from clientStorage. Replies {@link Settings}. */
export const loadSettingsMessageSchema = z.strictObject({ type: z.literal('LOAD_SETTINGS'), requestId });
/** Store the settings in clientStorage. Replies the stored {@link Settings}. */
export const saveSettingsMessageSchema = z.strictObject({
  type: z.literal('SAVE_SETTINGS'),
  requestId,
  settings: settingsSchema,
});
/** Export a layer as PNG (absolute bounds, sRGB), its longest side at most `maxSide`. Replies {@link ExportedImage}. */
export const exportNodeMessageSchema = z.strictObject({
  type: z.literal('EXPORT_NODE'),
  requestId,
  nodeId,
  maxSide: pixels,
});
/** A layer's box on the page, in points (a snapshot's `box`), as a press saw it. */
const pressedBoxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
});
/**
 * Put one result image on the canvas: beside `sourceNodeId` at the source's size, or at the viewport centre at
 * the image's size when it is null. When the source carries a turn record (a result, or a copy of one) the new turn
 * continues that turn: the sandbox reads the parent from the source itself, and places a first continuation right
 * of the source and a further one (a branch) below the earlier ones. Replies {@link PlacedResult}.
 */
export const placeResultMessageSchema = z.strictObject({
  type: z.literal('PLACE_RESULT'),
  requestId,
  image: bytes,
  sourceNodeId: z.nullable(nodeId),
  turn: turnDraftSchema,
  /**
   * Keep text editable (posters and layouts): the result is a copy of the source frame whose fill is the image and
   * whose text layers stay live on top (plugin/place-live-text-result.ts). Only for a FRAME source; ignored otherwise.
   */
  liveText: z.optional(z.boolean()),
  /**
   * The layers selected when Generate was pressed (core/pressed-selection.ts): the result becomes the selection, and
   * is scrolled to, only while the selection is still these (or the batch's results placed so far).
   */
  pressedSelection: z.optional(z.array(nodeId).check(z.maxLength(MAX_SNAPSHOTS))),
  /**
   * The source as it was at the press: its name and `absoluteBoundingBox`. When the source has been deleted since,
   * the result is still placed, as a new top-level frame at this box, and the reply says so (`sourceDeleted`).
   */
  pressedSource: z.optional(z.object({ name: z.string().check(z.maxLength(1000)), box: pressedBoxSchema })),
  /**
   * Apply in place: the result replaces the source's visible IMAGE fill, as one undo step, instead of becoming a new
   * layer (plugin/apply-in-place.ts). A source without one gets a new layer beside it as usual.
   */
  applyInPlace: z.optional(z.boolean()),
  /**
   * The result's size in points when it is not the source's: Expand's larger canvas (docs/image-tools.md#expand). With
   * `liveText`, the frame's copy grows to it and its text moves with the original's place (`turn.tool.original`).
   */
  size: z.optional(z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) })),
});
/** Most variants one MAKE_COMPONENT_SET combines (a page of results is far more than any library needs). */
export const MAX_COMPONENT_SET_VARIANTS = 100;

/** Select these layers and scroll them into view. Replies null. */
export const selectNodesMessageSchema = z.strictObject({
  type: z.literal('SELECT_NODES'),
  requestId,
  nodeIds: z.array(nodeId).check(z.minLength(1), z.maxLength(100)),
});
/** Read a layer's turn record. Replies the record, null when it has none, or a `corrupt_history` error. */
export const readTurnMessageSchema = z.strictObject({ type: z.literal('READ_TURN'), requestId, nodeId });
/** Read every turn record on the current page (the history graph's input). Replies {@link HistorySnapshot}. */
export const readHistoryMessageSchema = z.strictObject({ type: z.literal('READ_HISTORY'), requestId });
/** A small PNG of a layer for the History view (at most 96 px a side). Replies {@link ExportedImage}. */
export const readThumbnailMessageSchema = z.strictObject({ type: z.literal('READ_THUMBNAIL'), requestId, nodeId });
/**
 * Turn these result layers (made by Banana Studio: a valid turn record written on the layer itself) into
 * components and combine them as one component set with a `Variant` property (and `Prompt` when their prompts
 * differ). Any other layer in the list is refused by name and nothing changes. Replies {@link ComponentSetMade}.
 */
export const makeComponentSetMessageSchema = z.strictObject({
  type: z.literal('MAKE_COMPONENT_SET'),
  requestId,
  nodeIds: z.array(nodeId).check(z.minLength(1), z.maxLength(MAX_COMPONENT_SET_VARIANTS)),
});
/** Whether a component set (or component) is published to the team library. Replies {@link PublishStatus} or null. */
export const readPublishStatusMessageSchema = z.strictObject({
  type: z.literal('READ_PUBLISH_STATUS'),
  requestId,
  nodeId,
});
/** Largest export scale a panel may ask for (Figma's own export presets stop at 4×; 4096 px caps it anyway). */
export const MAX_EXPORT_SCALE = 16;
const exportScale = z.number().check(z.positive(), z.lte(MAX_EXPORT_SCALE));
/** Most layers an EXPORT_SOURCE hides. */
export const MAX_HIDDEN_LAYERS = 20;
/**
 * Export the layer being edited, at `scale` (capped so no side passes 4096), PNG, absolute bounds, sRGB:
 * with its text layers hidden (`hideText`, for Keep text editable) and without the listed layers inside it (the
 * region's shape when it was drawn inside the frame). Anything hidden is hidden on a temporary copy that is removed
 * at once: the person's layers are never changed. Replies {@link ExportedImage}.
 */
export const exportSourceMessageSchema = z.strictObject({
  type: z.literal('EXPORT_SOURCE'),
  requestId,
  nodeId,
  scale: exportScale,
  hideText: z.boolean(),
  hideNodeIds: z.array(nodeId).check(z.maxLength(MAX_HIDDEN_LAYERS)),
});
/**
 * The alpha mask of a regional edit (docs/regional-edits.md#21-sandbox-two-exports-on-one-pixel-grid): the shape
 * `shapeNodeId`, filled solid, on the pixel grid of `sourceNodeId` exported at the same `scale` as EXPORT_SOURCE. Made
 * in a temporary clipping frame that is removed at once, also on failure; the shape itself is never changed. Replies
 * {@link ExportedImage} (the source's size).
 */
export const exportRegionMaskMessageSchema = z.strictObject({
  type: z.literal('EXPORT_REGION_MASK'),
  requestId,
  sourceNodeId: nodeId,
  shapeNodeId: nodeId,
  scale: exportScale,
});
/**
 * The pixel size of the image a layer shows (its one visible IMAGE fill, `Image.getSizeAsync`), for Boost
 * resolution's "before". Replies `{ width, height }`, or null when the layer shows no single image.
 */
export const readImagePixelsMessageSchema = z.strictObject({
  type: z.literal('READ_IMAGE_PIXELS'),
  requestId,
  nodeId,
});
/** Show a Figma toast. No reply. */
export const notifyMessageSchema = z.strictObject({
  type: z.literal('NOTIFY'),
  message: z.string().check(z.minLength(1), z.maxLength(500)),
  error: z.optional(z.boolean()),
});
/**
 * The corner was dragged: resize the panel's window to this size, clamped (core/panel-size.ts). `final` at the end
 * of the drag, when the size is also kept in clientStorage for the next start. No reply.
 */
export const resizePanelMessageSchema = z.strictObject({
  type: z.literal('RESIZE_PANEL'),
  ...panelSizeSchema.shape,
  final: z.optional(z.boolean()),
});

/** Read the file's brand: colour styles and variables, text styles, the brand frame. Replies {@link BrandSnapshot}. */
export const readBrandMessageSchema = z.strictObject({ type: z.literal('READ_BRAND'), requestId });
/**
 * Mark this layer as the file's brand frame (kept in document plugin data, shared with the team), or clear the mark
 * with null. Replies the brand read again ({@link BrandSnapshot}).
 */
export const setBrandFrameMessageSchema = z.strictObject({
  type: z.literal('SET_BRAND_FRAME'),
  requestId,
  nodeId: z.nullable(nodeId),
});

/** Read the file's key (core/file-key.ts), made and kept in document plugin data the first time. Replies the key. */
export const readFileKeyMessageSchema = z.strictObject({ type: z.literal('READ_FILE_KEY'), requestId });
/**
 * Read the file's key only if it has one, making none (the panel's start: a file without a key has no half-price
 * jobs, and opening the plugin must not change the file). Replies the key or null.
 */
export const peekFileKeyMessageSchema = z.strictObject({ type: z.literal('PEEK_FILE_KEY'), requestId });

/**
 * Keep the note of half-price job `jobId` in the file (core/batch-note.ts): the prompt and the source layers' names and
 * boxes at submission; null forgets it. Replies null.
 */
export const keepBatchNoteMessageSchema = z.strictObject({
  type: z.literal('KEEP_BATCH_NOTE'),
  requestId,
  jobId: batchJobIdSchema,
  note: z.nullable(batchNoteSchema),
});
/** Read the note of half-price job `jobId`. Replies it, or null when the file has none. */
export const readBatchNoteMessageSchema = z.strictObject({
  type: z.literal('READ_BATCH_NOTE'),
  requestId,
  jobId: batchJobIdSchema,
});

/**
 * An instant adjustment (docs/adjustments.md): a copy of the layer beside it with these amounts added to its own
 * image fills' filters, its turn record from `turn`, one undo step. Replies {@link PlacedResult}.
 */
export const adjustImageMessageSchema = z.strictObject({
  type: z.literal('ADJUST_IMAGE'),
  requestId,
  nodeId,
  filters: toneFiltersSchema,
  turn: turnDraftSchema,
  pressedSelection: z.optional(z.array(nodeId).check(z.maxLength(MAX_SNAPSHOTS))),
});

/** Every message the panel sends, as received by the sandbox. */
export const uiMessageSchema = z.discriminatedUnion('type', [
  uiReadyMessageSchema,
  loadSettingsMessageSchema,
  saveSettingsMessageSchema,
  exportNodeMessageSchema,
  placeResultMessageSchema,
  selectNodesMessageSchema,
  readTurnMessageSchema,
  readHistoryMessageSchema,
  readThumbnailMessageSchema,
  notifyMessageSchema,
  exportSourceMessageSchema,
  exportRegionMaskMessageSchema,
  makeComponentSetMessageSchema,
  readPublishStatusMessageSchema,
  resizePanelMessageSchema,
  readImagePixelsMessageSchema,
  readBrandMessageSchema,
  setBrandFrameMessageSchema,
  readFileKeyMessageSchema,
  adjustImageMessageSchema,
  peekFileKeyMessageSchema,
  keepBatchNoteMessageSchema,
  readBatchNoteMessageSchema,
]);
/** Every message the panel sends to the sandbox. */
export type UiMessage = z.infer<typeof uiMessageSchema>;
/** The `type` of every panel message. */
export type UiMessageType = UiMessage['type'];
/** The panel message of one type. */
export type UiMessageOf<K extends UiMessageType> = Extract<UiMessage, { type: K }>;

/** Every panel message type, in the order of the union. */
export const UI_MESSAGE_TYPES = [
  'UI_READY',
  'LOAD_SETTINGS',
  'SAVE_SETTINGS',
  'EXPORT_NODE',
  'PLACE_RESULT',
  'SELECT_NODES',
  'READ_TURN',
  'READ_HISTORY',
  'READ_THUMBNAIL',
  'NOTIFY',
  'EXPORT_SOURCE',
  'EXPORT_REGION_MASK',
  'MAKE_COMPONENT_SET',
  'READ_PUBLISH_STATUS',
  'RESIZE_PANEL',
  'READ_IMAGE_PIXELS',
  'READ_BRAND',
  'SET_BRAND_FRAME',
  'READ_FILE_KEY',
  'ADJUST_IMAGE',
  'PEEK_FILE_KEY',
  'KEEP_BATCH_NOTE',
  'READ_BATCH_NOTE',
] as const;
// A type missing from the list (or listed but not in the union) fails here.
const typeListComplete: Same<(typeof UI_MESSAGE_TYPES)[number], UiMessageType> = true;
void typeListComplete;
