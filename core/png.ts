/**
 * A small, pure PNG codec for 8-bit RGBA pixels. The Gemini double uses it to answer with real images, and the
 * Figma double to export real pixels, in Node and in the browser playground alike (no canvas, no zlib binding).
 *
 * This is the codec's entry point; it is written in parts: core/rgba-image.ts (the pixels), core/png-encode.ts,
 * core/png-decode.ts with core/png-parse.ts and core/png-unfilter.ts, core/png-chunks.ts (signature, chunks and
 * CRC-32) and core/png-error.ts.
 */
export { createImage, MAX_PNG_SIDE, type RgbaImage } from './rgba-image.js';
export { encodePng } from './png-encode.js';
export { decodePng, decodePngAsync } from './png-decode.js';
export { PngError } from './png-error.js';
export { crc32 } from './png-chunks.js';
