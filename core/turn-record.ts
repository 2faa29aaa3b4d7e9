/**
 * The turn record: what one request and its result were, stored as plugin data on the result layer
 * (docs/architecture.md#turn-records). Compact versioned JSON, far under the 100 kB plugin-data entry limit
 * (docs/figma-platform.md#plugin-data), with no image bytes: the image itself is the layer's IMAGE fill.
 *
 * The format is extended compatibly: fields added after the first release are optional, so a teammate on an older
 * plugin still reads newer records (zod's default object parsing drops keys it does not know) instead of calling
 * them damaged. `v` changes only for a change an older reader would misread.
 *
 * Uses `zod/mini` so the sandbox bundle stays small.
 */
import * as z from 'zod/mini';
import { appError } from './errors.js';
import { IMAGE_ROLES, IMAGE_SIZES } from './image-sizes.js';
import { turnToolSchema, type TurnTool } from './image-tool.js';
import { fail, ok, type Result } from './result.js';
import { utf8Length } from './utf8-length.js';
import { describeZodIssue } from './zod-issue.js';

/** Plugin-data key of the record on a result layer. */
export const TURN_RECORD_KEY = 'banana.turn';

/** The record format this code writes and reads. */
export const TURN_RECORD_VERSION = 1;

/**
 * Largest serialized record we write or accept, in UTF-8 bytes. Figma's limit is 100 kB for plugin id + key +
 * value together (docs/figma-platform.md#plugin-data); this leaves room for both.
 */
export const MAX_TURN_RECORD_BYTES = 90_000;

/** Longest prompt a record keeps, matching the proxy's limit (`MAX_PROMPT_CHARS`). */
export const MAX_RECORD_PROMPT_CHARS = 20_000;

/**
 * Most input images one turn can have (Gemini 3 models take up to 14: docs/gemini-platform.md#capabilities-per-model).
 */
export const MAX_TURN_INPUTS = 14;

const idSchema = z.string().check(z.minLength(1), z.maxLength(100));
/** SHA-1 in lowercase hex, as {@link sha1Hex} in core/sha1.ts writes it. */
const hashSchema = z.string().check(z.regex(/^[0-9a-f]{40}$/));
const finite = z.number().check(z.refine(Number.isFinite, 'expected a finite number'));

/**
 * One input image of a turn: the layer it was exported from, what it was for, and the SHA-1 of the exact bytes sent
 * to the proxy (optional: records from before it was added have none). The hash tells later whether a layer still
 * looks as it did when it was sent; the bytes themselves are never stored.
 */
export const turnInputSchema = z.object({
  nodeId: idSchema,
  role: z.enum(IMAGE_ROLES),
  hash: z.optional(hashSchema),
});
export type TurnInput = z.infer<typeof turnInputSchema>;

/**
 * The part of the source that was edited, for a regional edit: a box in the source layer's own coordinates, and the
 * shape that marked it when there was one. Optional; written by the regional-edit flow.
 */
export const turnRegionSchema = z.object({
  nodeId: z.optional(idSchema),
  x: finite,
  y: finite,
  width: finite.check(z.positive()),
  height: finite.check(z.positive()),
});
export type TurnRegion = z.infer<typeof turnRegionSchema>;

/** Largest batch of variants one request asks for (`MAX_VARIANTS` in core/variant-layout.ts). */
export const MAX_TURN_VARIANTS = 8;

/**
 * Which of N variants of one request a turn is: its index (0-based, also sent to the proxy as `variant` so the
 * proxy's cache keeps the N answers apart), how many were asked for, and an id shared by the whole batch, so the
 * sandbox can put the batch's results in one row. Optional; written by the variants flow.
 */
export const turnVariantSchema = z
  .object({
    index: z.int().check(z.nonnegative(), z.lt(MAX_TURN_VARIANTS)),
    count: z.int().check(z.gte(1), z.lte(MAX_TURN_VARIANTS)),
    batch: idSchema,
  })
  .check(z.refine((v) => v.index < v.count, 'the variant index must be below the count'));
export type TurnVariant = z.infer<typeof turnVariantSchema>;

/** The brand guidance a turn sent (docs/brand.md): the paragraph, and the logo layer sent as a product reference. */
export const turnBrandSchema = z.object({
  guidance: z.string().check(z.maxLength(1000)),
  logoNodeId: z.optional(idSchema),
});
export type TurnBrand = z.infer<typeof turnBrandSchema>;

/** What the request was: the part of a record the panel knows. */
export const turnDraftSchema = z.object({
  prompt: z.string().check(z.minLength(1), z.maxLength(MAX_RECORD_PROMPT_CHARS)),
  model: z.string().check(z.minLength(1), z.maxLength(100)),
  params: z.object({
    aspectRatio: z.string().check(z.regex(/^[1-9][0-9]*:[1-9][0-9]*$/)),
    imageSize: z.enum(IMAGE_SIZES),
  }),
  inputs: z.array(turnInputSchema).check(z.maxLength(MAX_TURN_INPUTS)),
  region: z.optional(turnRegionSchema),
  variant: z.optional(turnVariantSchema),
  /** The image tool that made this turn (core/image-tool.ts); absent for a prompt of the designer's own. */
  tool: z.optional(turnToolSchema),
  /** The file's brand guidance went with this turn (core/brand-context.ts): the text sent, and the logo layer if any. */
  brand: z.optional(turnBrandSchema),
  /** The result came from the proxy's half-price Batch API job `id`, request `index` (docs/batch-jobs.md). */
  batchJob: z.optional(z.object({ id: idSchema, index: z.int().check(z.nonnegative()) })),
  usage: z.object({
    inputTokens: z.int().check(z.nonnegative()),
    outputTokens: z.int().check(z.nonnegative()),
    totalTokens: z.int().check(z.nonnegative()),
    costUsd: z.number().check(z.nonnegative()),
    /** The proxy answered from its cache: nothing was billed (usage is then all zeros). */
    cached: z.optional(z.boolean()),
  }),
});
export type TurnDraft = z.infer<typeof turnDraftSchema>;

/**
 * The IMAGE fill an "Apply in place" turn replaced on its layer, as it was: enough to put it back by hand (the
 * paint itself also stays on the layer, hidden, so Figma keeps its image: plugin/apply-in-place.ts).
 */
export const replacedFillSchema = z.object({
  imageHash: z.string().check(z.minLength(1), z.maxLength(100)),
  scaleMode: z.enum(['FILL', 'FIT', 'CROP', 'TILE']),
  /** Its place in the layer's fills before the turn. */
  index: z.int().check(z.nonnegative()),
  opacity: z.optional(z.number()),
  rotation: z.optional(z.number()),
  scalingFactor: z.optional(z.number()),
  imageTransform: z.optional(z.array(z.array(z.number()))),
});
/** The fill an Apply in place turn replaced. */
export type ReplacedFill = z.infer<typeof replacedFillSchema>;

/** Version 1 of the record, as stored under {@link TURN_RECORD_KEY}. */
export const turnRecordSchema = z
  .object({
    v: z.literal(TURN_RECORD_VERSION),
    id: idSchema,
    /** The turn this one continued, or null for a first turn. */
    parentId: z.nullable(idSchema),
    /** The first turn of this conversation (its own id for a first turn). */
    rootId: idSchema,
    /** The layer that was edited, or null for text-to-image. */
    sourceNodeId: z.nullable(idSchema),
    /** The result layer's own id when written: a different id on read means the layer is a duplicate. */
    originNodeId: idSchema,
    ...turnDraftSchema.shape,
    /**
     * The layer the record was first written on, when Banana Studio later turned that layer into a component (Make
     * component set): Figma gives the component a new id, so the record is written again with `originNodeId` set to
     * the component's id, and this keeps where it came from.
     */
    convertedFromNodeId: z.optional(idSchema),
    /** Apply in place: the turn replaced this fill of its own source layer, instead of adding a layer. */
    replacedFill: z.optional(replacedFillSchema),
    /** Figma's hash of the image this turn put on its layer (the IMAGE fill), to tell later if it was replaced. */
    resultHash: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    author: z.optional(z.object({ id: z.string().check(z.maxLength(200)), name: z.string().check(z.maxLength(200)) })),
    createdAt: z.iso.datetime(),
    /**
     * Where the image came from. Always AI-generated with SynthID, except an instant adjustment (docs/adjustments.md)
     * of a layer no model made: Figma's own filters over the designer's image, so neither.
     */
    provenance: z.object({
      aiGenerated: z.boolean(),
      model: z.string().check(z.maxLength(100)),
      synthId: z.boolean(),
    }),
  })
  .check(
    z.refine((record) => record.provenance.aiGenerated || record.tool?.name === 'adjust', {
      message: 'only an instant adjustment can be other than AI-generated',
      path: ['provenance', 'aiGenerated'],
    }),
  );
export type TurnRecord = z.infer<typeof turnRecordSchema>;

/** What only the sandbox knows when it writes the record. */
export interface TurnPlacement {
  id: string;
  /** The turn the source layer carries, when the edit continues one; null starts a new conversation. */
  parent: Pick<TurnRecord, 'id' | 'rootId'> | null;
  sourceNodeId: string | null;
  originNodeId: string;
  /** Figma's hash of the result image, when known. */
  resultHash?: string | undefined;
  /** Apply in place: the source's fill the result replaced. */
  replacedFill?: ReplacedFill | undefined;
  /** Where the image came from, when it is not the draft's model's (an instant adjustment: core/tone-adjust.ts). */
  provenance?: TurnRecord['provenance'] | undefined;
  author: { id: string; name: string } | null;
  createdAt: string;
}

/**
 * The record of a new turn from the panel's draft and the sandbox's placement: a child of `placement.parent` in
 * that turn's conversation, or the first turn (its own root) of a new one.
 */
export function buildTurnRecord(draft: TurnDraft, placement: TurnPlacement): TurnRecord {
  const record: TurnRecord = {
    v: TURN_RECORD_VERSION,
    id: placement.id,
    parentId: placement.parent?.id ?? null,
    rootId: placement.parent?.rootId ?? placement.id,
    sourceNodeId: placement.sourceNodeId,
    originNodeId: placement.originNodeId,
    prompt: draft.prompt,
    model: draft.model,
    params: { aspectRatio: draft.params.aspectRatio, imageSize: draft.params.imageSize },
    inputs: draft.inputs.map(({ nodeId, role, hash }) => (hash ? { nodeId, role, hash } : { nodeId, role })),
    usage: {
      inputTokens: draft.usage.inputTokens,
      outputTokens: draft.usage.outputTokens,
      totalTokens: draft.usage.totalTokens,
      costUsd: draft.usage.costUsd,
      ...(draft.usage.cached ? { cached: true } : {}),
    },
    createdAt: placement.createdAt,
    provenance: placement.provenance
      ? { ...placement.provenance }
      : { aiGenerated: true, model: draft.model, synthId: true },
  };
  if (draft.region) record.region = { ...draft.region };
  if (draft.variant)
    record.variant = { index: draft.variant.index, count: draft.variant.count, batch: draft.variant.batch };
  if (draft.tool) record.tool = JSON.parse(JSON.stringify(draft.tool)) as TurnTool;
  if (draft.brand) record.brand = { ...draft.brand };
  if (draft.batchJob) record.batchJob = { id: draft.batchJob.id, index: draft.batchJob.index };
  if (placement.resultHash) record.resultHash = placement.resultHash;
  if (placement.replacedFill) record.replacedFill = copyFill(placement.replacedFill);
  if (placement.author) record.author = { id: placement.author.id, name: placement.author.name };
  return record;
}

function copyFill(fill: ReplacedFill): ReplacedFill {
  return { ...fill, ...(fill.imageTransform ? { imageTransform: fill.imageTransform.map((row) => [...row]) } : {}) };
}

/** Whether `record`, read from the layer `nodeId`, was written there, or travelled with a duplicate of its layer. */
export function isCopyOf(record: Pick<TurnRecord, 'originNodeId'>, nodeId: string): boolean {
  return record.originNodeId !== nodeId;
}

/** The record as compact JSON, or an error when it is invalid or too big to store. */
export function serializeTurnRecord(record: TurnRecord): Result<string> {
  const checked = turnRecordSchema.safeParse(record);
  if (!checked.success)
    return fail(appError('bad_request', `The turn record is not valid: ${describeZodIssue(checked.error, record)}.`));
  const text = JSON.stringify(checked.data);
  if (utf8Length(text) > MAX_TURN_RECORD_BYTES) {
    return fail(appError('request_too_large', 'The turn record is too large to store. Use a shorter prompt.'));
  }
  return ok(text);
}

/**
 * Reads a stored record. `''` (Figma's answer for a missing key) is `null`: no record. Anything unreadable is a
 * `corrupt_history` error value, never a throw (corrupt data is reported and skipped:
 * docs/architecture.md#turn-records).
 */
export function parseTurnRecord(text: string): Result<TurnRecord | null> {
  if (text === '') return ok(null);
  if (utf8Length(text) > MAX_TURN_RECORD_BYTES) return corrupt('it is larger than a turn record can be');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return corrupt('it is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return corrupt('it is not a JSON object');
  const version = (raw as Record<string, unknown>).v;
  if (version !== TURN_RECORD_VERSION) {
    return typeof version === 'number' && version > TURN_RECORD_VERSION
      ? corrupt(`it was written by a newer Banana Studio (format ${version}); update the plugin`)
      : corrupt(`it has an unknown format version (${JSON.stringify(version ?? null)})`);
  }
  const parsed = turnRecordSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : corrupt(describeZodIssue(parsed.error, raw));
}

function corrupt(why: string): Result<never> {
  return fail(
    appError(
      'corrupt_history',
      `This layer's history could not be read (${why}). It can still be used as an image, but earlier turns are unavailable.`,
    ),
  );
}
