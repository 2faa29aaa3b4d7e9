/**
 * What the sandbox reads of a file's brand (plugin/read-brand.ts), as it crosses to the panel: the colour styles and
 * colour variables with their values, the text styles' families and weights, and the brand frame the designer
 * marked, with its logo layer and palette sample. Plain data, validated on receipt; the panel turns it into the
 * guidance it sends (core/brand-context.ts). Uses `zod/mini` so the sandbox bundle stays small.
 */
import * as z from 'zod/mini';
import { nodeId } from './message-fields.js';

/** Document plugin-data key of the brand frame's id: on `figma.root`, so everyone who opens the file shares it. */
export const BRAND_FRAME_KEY = 'banana.brandFrame';

/** The layer types that can be a brand frame: ones that hold other layers (the logo, the swatches). */
export const BRAND_FRAME_NODE_TYPES = ['FRAME', 'COMPONENT', 'INSTANCE', 'GROUP', 'SECTION'] as const;

/** Most colours and text styles a snapshot carries (a design system can hold hundreds; guidance uses a few). */
export const MAX_BRAND_ITEMS = 200;

const name = z.string().check(z.maxLength(500));
/** `#RRGGBB` in uppercase. */
export const hexSchema = z.string().check(z.regex(/^#[0-9A-F]{6}$/));

/** One colour: where it came from, its name, its value in the default mode and in the collection's other modes. */
export const brandColourSchema = z.object({
  source: z.enum(['style', 'variable', 'frame']),
  name,
  hex: hexSchema,
  /** The other modes of a variable's collection whose value differs, by mode name ("Dark"). */
  modes: z.array(z.object({ mode: name, hex: hexSchema })).check(z.maxLength(20)),
  /** Hidden from publishing (a variable or its collection): a helper token, listed after the others. */
  hidden: z.boolean(),
});
export type BrandColour = z.infer<typeof brandColourSchema>;

/** One text style's font. */
export const brandFontSchema = z.object({ name, family: name, style: name });
export type BrandFont = z.infer<typeof brandFontSchema>;

/** The brand frame as it is now: its layer, and the layer in it that is the logo (or the frame itself). */
export const brandFrameSchema = z.object({
  nodeId,
  name,
  logo: z.object({ nodeId, name }),
  /** On the page the designer is on: only then is its logo exported and sent (another page may not be loaded). */
  onCurrentPage: z.boolean(),
});
export type BrandFrame = z.infer<typeof brandFrameSchema>;

/** The brand as read from the file. */
export const brandSnapshotSchema = z.object({
  colours: z.array(brandColourSchema).check(z.maxLength(MAX_BRAND_ITEMS)),
  fonts: z.array(brandFontSchema).check(z.maxLength(MAX_BRAND_ITEMS)),
  frame: z.nullable(brandFrameSchema),
  /** A brand frame was marked but its layer has gone (deleted, or never there): say so and offer to mark one. */
  frameMissing: z.boolean(),
});
export type BrandSnapshot = z.infer<typeof brandSnapshotSchema>;

/** A file with nothing to read. */
export const EMPTY_BRAND: BrandSnapshot = { colours: [], fonts: [], frame: null, frameMissing: false };
