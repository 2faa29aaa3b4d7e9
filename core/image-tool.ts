/**
 * The one-click image tools (Expand, Boost resolution, Remove background, Isolate object, Erase, and the instant
 * adjustments of docs/adjustments.md): their names as a
 * turn record keeps them (`tool` in core/turn-record.ts), so a tool's result is a turn like any other, continued or
 * branched, and the History says which tool made it.
 */
import * as z from 'zod/mini';

/** Every tool, by the name a record keeps. */
export const IMAGE_TOOLS = ['expand', 'boost', 'remove-background', 'isolate', 'erase', 'adjust'] as const;

/** How a cut-out's matte is made, by the name a record keeps. */
export const MATTE_METHODS = ['segmentation', 'two-renders'] as const;

/** One of {@link MATTE_METHODS}. */
export type MatteMethod = (typeof MATTE_METHODS)[number];

/** One of {@link IMAGE_TOOLS}. */
export type ImageToolName = (typeof IMAGE_TOOLS)[number];

const finite = z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const pointBox = z.object({
  x: finite,
  y: finite,
  width: finite.check(z.positive()),
  height: finite.check(z.positive()),
});
const unit = finite.check(z.gte(-1), z.lte(1));
/** Amounts for Figma's image filters, each −1…1 (core/tone-adjust.ts; tint is never set). */
export const toneFiltersSchema = z.object({
  exposure: z.optional(unit),
  contrast: z.optional(unit),
  saturation: z.optional(unit),
  temperature: z.optional(unit),
  highlights: z.optional(unit),
  shadows: z.optional(unit),
});
const pixelSize = z.object({ width: z.int().check(z.positive()), height: z.int().check(z.positive()) });

/**
 * Which tool made a turn. Tools add their own optional fields here (what a reader needs to redo or explain the
 * turn), so records written by older plugins still read.
 */
export const turnToolSchema = z.object({
  name: z.enum(IMAGE_TOOLS),
  /** Expand: the new canvas in points (the result layer's size). */
  canvas: z.optional(z.object({ width: finite.check(z.positive()), height: finite.check(z.positive()) })),
  /** Expand: where the original sits inside the canvas, in points from its top-left corner. */
  original: z.optional(pointBox),
  /** Boost resolution: the image's pixels before. */
  pixelsBefore: z.optional(pixelSize),
  /** Boost resolution: the result's pixels. */
  pixelsAfter: z.optional(pixelSize),
  /**
   * How Remove background and Isolate object made the matte (docs/image-tools.md#how-the-matte-is-made):
   * Gemini's segmentation masks, or two renders of the image model on white and on black.
   */
  matte: z.optional(z.enum(MATTE_METHODS)),
  /** Adjust: the amounts added to Figma's image filters (core/tone-adjust.ts). */
  filters: z.optional(toneFiltersSchema),
  /** The object Isolate object kept, as the designer named it ("the mug"); absent when a shape marked it. */
  object: z.optional(z.string().check(z.maxLength(200))),
});

/** The `tool` field of a turn record. */
export type TurnTool = z.infer<typeof turnToolSchema>;
