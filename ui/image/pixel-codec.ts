/**
 * How the panel turns image bytes into pixels and back for a regional edit
 * (docs/regional-edits.md#22-panel-plan-ask-composite). Two implementations of one contract: {@link pureCodec} here
 * (core/png.ts, exact everywhere, Node and browser alike) and the canvas codec in ui/image/canvas-codec.ts, which the
 * browser uses where the canvas is provably exact and falls back to this one everywhere else. The contract is what the
 * regional edit's promise rests on:
 *
 * - `decodeExact` and `encodeExact` are lossless: every byte as in the file, and a decode of what `encodeExact`
 *   wrote gives back the very same pixels. Pixels outside the shape travel through these two only.
 * - `decodeAlpha` gives the alpha channel exactly (the shape's mask); colour may be anything.
 * - `decodePatch` is the model's answer on its way into the crop, and `encodeToSend` the crop on its way to the
 *   model: quality matters, exactness does not.
 */
import type { Rect } from '../../core/aspect.js';
import { flattenOnto } from '../../core/flatten-rgba.js';
import { decodePng, encodePng, type RgbaImage } from '../../core/png.js';
import { resampleRgba } from '../../core/resample.js';
import type { Result } from '../../core/result.js';
import { decodeAnswer } from './decode-answer.js';

export interface PixelCodec {
  /** The PNG's pixels, byte for byte; throws a PngError when the bytes are no PNG it can read. */
  decodeExact(png: Uint8Array): Promise<RgbaImage>;
  /** The PNG's pixels with its alpha exact (colour unspecified); throws like {@link decodeExact}. */
  decodeAlpha(png: Uint8Array): Promise<RgbaImage>;
  /** A PNG that decodes to exactly `image`. */
  encodeExact(image: RgbaImage): Promise<Uint8Array>;
  /**
   * An answer (PNG or JPEG) ready to composite into a `width × height` crop, or `unsupported_image`. Any size will
   * do (compositeThroughMask cover-crops and scales what it gets, and only where the mask can show it); the canvas
   * codec hands it over already at that size, scaled natively, which then makes the composite's scaling a copy.
   */
  decodePatch(bytes: Uint8Array, width: number, height: number): Promise<Result<RgbaImage>>;
  /**
   * `rect` of `image` scaled to `width × height` and flattened onto white (Gemini can neither read nor draw
   * transparency), as a PNG to send.
   */
  encodeToSend(image: RgbaImage, rect: Rect, width: number, height: number): Promise<Uint8Array>;
}

/** zlib level for the images the panel encodes: 1 is the fastest, and the bytes only cross to Figma or the proxy. */
export const PANEL_PNG_LEVEL = 1;

/** The exact reference: core/png.ts for PNG, jpeg-js for a JPEG answer; the composite does the scaling. */
export const pureCodec: PixelCodec = {
  decodeExact: async (png) => decodePng(png),
  decodeAlpha: async (png) => decodePng(png),
  encodeExact: async (image) => encodePng(image, PANEL_PNG_LEVEL),
  decodePatch: async (bytes) => decodeAnswer(bytes),
  encodeToSend: async (image, rect, width, height) =>
    encodePng(flattenOnto(resampleRgba(image, width, height, rect)), PANEL_PNG_LEVEL),
};
