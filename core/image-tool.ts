/**
 * The one-click image tools (Expand, Boost resolution, Remove background, Isolate object, Erase): their names as a
 * turn record keeps them (`tool` in core/turn-record.ts), so a tool's result is a turn like any other, continued or
 * branched, and the History says which tool made it.
 */
import * as z from 'zod/mini';

/** Every tool, by the name a record keeps. */
export const IMAGE_TOOLS = ['expand', 'boost', 'remove-background', 'isolate', 'erase'] as const;

/** One of {@link IMAGE_TOOLS}. */
export type ImageToolName = (typeof IMAGE_TOOLS)[number];

/**
 * Which tool made a turn. Tools add their own optional fields here (what a reader needs to redo or explain the
 * turn), so records written by older plugins still read.
 */
export const turnToolSchema = z.object({
  name: z.enum(IMAGE_TOOLS),
  /** How Remove background and Isolate object made the matte: Gemini's segmentation masks (docs/image-tools-matte.md). */
  matte: z.optional(z.enum(['segmentation'])),
  /** The object Isolate object kept, as the designer named it ("the mug"); absent when a shape marked it. */
  object: z.optional(z.string().check(z.maxLength(200))),
});

/** The `tool` field of a turn record. */
export type TurnTool = z.infer<typeof turnToolSchema>;
