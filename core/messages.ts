/**
 * The sandbox ⇄ panel contract (docs/architecture.md#sandbox-and-panel-messages): one discriminated union per
 * direction, `type` in SCREAMING_SNAKE, validated on receipt with zod. Requests carry a numeric `requestId` and get
 * exactly one `REPLY`; images cross as `Uint8Array`, one image per message
 * (docs/figma-platform.md#little-memory-in-the-sandbox). Plain snapshots cross, never nodes.
 *
 * Uses `zod/mini` so the sandbox bundle stays small.
 */
import * as z from 'zod/mini';
import { ERROR_STATUS, appError, type AppError, type ErrorCode } from './errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';
import type { Result } from './result.js';
import { settingsSchema } from './settings.js';
import { turnDraftSchema, turnRecordSchema } from './turn-record.js';
import { describeZodIssue } from './zod-issue.js';

/** True for a `Uint8Array`, also one made in another realm (the iframe and the sandbox each have their own). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

const requestId = z.int().check(z.nonnegative());
const nodeId = z.string().check(z.minLength(1), z.maxLength(200));
const bytes = z.custom<Uint8Array>(isUint8Array, 'expected image bytes as a Uint8Array');
const pixels = z.int().check(z.gte(1), z.lte(MAX_FIGMA_IMAGE_SIDE));

export const appErrorSchema = z.object({
  code: z.custom<ErrorCode>(
    (v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, v),
    'unknown error code',
  ),
  message: z.string(),
});

// ─── Panel → sandbox ────────────────────────────────────────────────────────────────────────────────────────────

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
/** Show a Figma toast. No reply. */
export const notifyMessageSchema = z.strictObject({
  type: z.literal('NOTIFY'),
  message: z.string().check(z.minLength(1), z.maxLength(500)),
  error: z.optional(z.boolean()),
});

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
]);
/** Every message the panel sends to the sandbox. */
export type UiMessage = z.infer<typeof uiMessageSchema>;
export type UiMessageType = UiMessage['type'];
export type UiMessageOf<K extends UiMessageType> = Extract<UiMessage, { type: K }>;

// ─── Sandbox → panel ────────────────────────────────────────────────────────────────────────────────────────────

/** Most text layers a snapshot lists (the panel reads them as context for posters and layouts). */
export const MAX_SNAPSHOT_TEXTS = 24;
/** Longest text a snapshot keeps of one text layer, in characters. */
export const MAX_SNAPSHOT_TEXT_CHARS = 500;

/**
 * A text layer inside a selected frame (core/text-context.ts `TextLayerInfo`): its box is in the frame's coordinates.
 */
export const textLayerSnapshotSchema = z.object({
  name: z.string().check(z.maxLength(200)),
  characters: z.string().check(z.maxLength(MAX_SNAPSHOT_TEXT_CHARS)),
  fontSize: z.nullable(z.number()),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type TextLayerSnapshot = z.infer<typeof textLayerSnapshotSchema>;

/** A plain description of a selected layer: all the panel needs, nothing live. */
export const nodeSnapshotSchema = z.object({
  id: nodeId,
  name: z.string(),
  type: z.string(),
  width: z.number().check(z.nonnegative()),
  height: z.number().check(z.nonnegative()),
  /** The layer is or contains text layers (a poster, a banner). */
  hasText: z.boolean(),
  /** The layer has an IMAGE fill of its own. */
  hasImageFill: z.boolean(),
  /** The layer carries a Banana Studio turn record. */
  hasTurn: z.boolean(),
  /**
   * Figma's hash of the image the layer shows as it is: set only when its one visible fill is an IMAGE paint,
   * unadjusted (full opacity, no image filters), and nothing but text lies on it. A result whose hash still equals
   * its record's `resultHash` shows what the model made (live replay, core/live-replay.ts).
   */
  imageHash: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Its `absoluteBoundingBox` on the page (it tells which shape lies over which frame). */
  box: z.optional(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })),
  /** The scale it is exported at, from its export settings (core/export-scale.ts `exportScaleOf`). */
  exportScale: z.optional(z.number().check(z.positive())),
  /** Its visible text layers (for a frame, group or component), as context for the instruction. */
  texts: z.optional(z.array(textLayerSnapshotSchema).check(z.maxLength(MAX_SNAPSHOT_TEXTS))),
});
export type NodeSnapshot = z.infer<typeof nodeSnapshotSchema>;

/** Most snapshots one SELECTION_CHANGED carries; `count` still tells how many layers are selected. */
export const MAX_SNAPSHOTS = 100;

/** The selection changed (also sent after UI_READY). */
export const selectionChangedMessageSchema = z.strictObject({
  type: z.literal('SELECTION_CHANGED'),
  nodes: z.array(nodeSnapshotSchema).check(z.maxLength(MAX_SNAPSHOTS)),
  /** How many layers are selected, which may be more than `nodes` holds. */
  count: z.int().check(z.nonnegative()),
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
/** The one answer to a request; `value` is checked against {@link replyValueSchemas} by the requester. */
export const replyMessageSchema = z.discriminatedUnion('ok', [replyOkSchema, replyFailSchema]);
/** A problem not tied to a request (a malformed message without a requestId, a failed thumbnail, …). */
export const errorMessageSchema = z.strictObject({ type: z.literal('ERROR'), error: appErrorSchema });
/**
 * Result layers on the current page were added, removed or had their records changed (a new turn, ⌘Z, a
 * duplicate, a teammate's edit), or the page changed: a shown history should be read again.
 */
export const historyChangedMessageSchema = z.strictObject({ type: z.literal('HISTORY_CHANGED') });

export const sandboxMessageSchema = z.discriminatedUnion('type', [
  selectionChangedMessageSchema,
  thumbnailMessageSchema,
  replyMessageSchema,
  errorMessageSchema,
  historyChangedMessageSchema,
]);
/** Every message the sandbox sends to the panel. */
export type SandboxMessage = z.infer<typeof sandboxMessageSchema>;
export type SandboxMessageType = SandboxMessage['type'];
export type ReplyMessage = z.infer<typeof replyMessageSchema>;

// ─── Replies ────────────────────────────────────────────────────────────────────────────────────────────────────

/** An exported layer: PNG bytes and their pixel size. */
export const exportedImageSchema = z.object({ nodeId, bytes, width: pixels, height: pixels });
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
});
export type PlacedResult = z.infer<typeof placedResultSchema>;

/** Most result layers one READ_HISTORY lists (a page with more is read in page order up to this many). */
export const MAX_HISTORY_ENTRIES = 2000;

/** A result layer on the page: its record, or why it could not be read (core/history-graph.ts `HistoryEntry`). */
export const historyEntrySchema = z.union([
  z.object({ nodeId, name: z.string(), record: turnRecordSchema }),
  z.object({ nodeId, name: z.string(), damaged: z.string() }),
]);

/** Every result layer of the current page, and the layers first turns were made from (to show as sources). */
export const historySnapshotSchema = z.object({
  pageId: nodeId,
  entries: z.array(historyEntrySchema).check(z.maxLength(MAX_HISTORY_ENTRIES)),
  sources: z.array(z.object({ nodeId, name: z.string() })).check(z.maxLength(MAX_HISTORY_ENTRIES)),
});
export type HistorySnapshot = z.infer<typeof historySnapshotSchema>;

/**
 * `getPublishStatusAsync()` of a component or set (docs/figma-platform.md#plugins-cannot-publish): never published,
 * published and unchanged, or changed since it was published. Plugins cannot publish; a person does, from the Assets
 * panel.
 */
export const publishStatusSchema = z.enum(['UNPUBLISHED', 'CURRENT', 'CHANGED']);
export type PublishStatus = z.infer<typeof publishStatusSchema>;

/** The component set a MAKE_COMPONENT_SET made. */
export const componentSetMadeSchema = z.object({
  setId: nodeId,
  name: z.string(),
  /** The components, in variant order (Variant=1 first). */
  componentIds: z.array(nodeId),
  /** Each component's name in Figma's variant syntax, e.g. `Variant=1` or `Prompt=warmer light, Variant=2`. */
  variantNames: z.array(z.string()),
  /** The variant properties Figma derives from those names, with their values. */
  properties: z.record(z.string(), z.array(z.string())),
  /** Null when this Figma cannot tell (no `getPublishStatusAsync`). */
  publishStatus: z.nullable(publishStatusSchema),
});
export type ComponentSetMade = z.infer<typeof componentSetMadeSchema>;

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
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const repliesCoverRequests: Same<Extract<UiMessage, { requestId: number }>['type'], RequestType> = true;
void repliesCoverRequests;

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

// ─── Parsing ────────────────────────────────────────────────────────────────────────────────────────────────────

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
] as const;
/** Every sandbox message type. */
export const SANDBOX_MESSAGE_TYPES = ['SELECTION_CHANGED', 'THUMBNAIL', 'REPLY', 'ERROR', 'HISTORY_CHANGED'] as const;
const typeListsComplete: [
  Same<(typeof UI_MESSAGE_TYPES)[number], UiMessageType>,
  Same<(typeof SANDBOX_MESSAGE_TYPES)[number], SandboxMessageType>,
] = [true, true];
void typeListsComplete;

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

function badMessage(detail: string): AppError {
  return appError('bad_message', `The plugin received a message it did not understand: ${detail}. Reload the plugin.`);
}
