/**
 * The plain description of a selected layer that the sandbox sends in SELECTION_CHANGED (core/sandbox-messages.ts),
 * built by plugin/snapshot-node.ts: all the panel needs of a layer, nothing live. Plain snapshots cross, never nodes.
 */
import * as z from 'zod/mini';
import { nodeId } from './message-fields.js';

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
/** A text layer of a snapshot. */
export type TextLayerSnapshot = z.infer<typeof textLayerSnapshotSchema>;

/** Most variants a component set's snapshot lists. */
export const MAX_SNAPSHOT_VARIANTS = 50;

/** A layer named by id and name (a text layer's frame, a component set's variant). */
const namedLayerSchema = z.object({ id: nodeId, name: z.string().check(z.maxLength(200)) });

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
  /** For a text layer: the nearest frame, component or instance it is in, which the panel offers to edit instead. */
  frame: z.optional(namedLayerSchema),
  /** For a component set: how many variants it holds, and the first of them (the panel offers to select one). */
  variantCount: z.optional(z.int().check(z.nonnegative())),
  variants: z.optional(z.array(namedLayerSchema).check(z.maxLength(MAX_SNAPSHOT_VARIANTS))),
});
/** A selected layer as the panel sees it. */
export type NodeSnapshot = z.infer<typeof nodeSnapshotSchema>;
