/**
 * Does an image hold enough data for the pixel size its header claims? A header is a few bytes anyone can edit:
 * a 2 KB PNG that says 16384×16384 would be forwarded to Gemini (billed, then refused, or worse, decoded into a
 * gigabyte of pixels somewhere). Compression has hard floors, so a file far below them is refused unread:
 *
 * - PNG: the pixel rows (one filter byte and `width × bits per pixel` a row) are deflated into the IDAT chunks, and
 *   deflate expands at most 1032:1 (RFC 1951: a 258-byte match in a 1-bit code plus a 1-bit distance, the
 *   figure zlib's own documentation gives as the maximum ratio).
 * - JPEG: every 8×8 block of the first component has a DC coefficient coded in at least one bit per scan
 *   (ITU T.81, baseline and progressive), so a file is at least `width × height / 64` bits; we allow half that.
 *
 * WebP's lossless mode can code a flat image in almost nothing, so it has no such floor; its side is bounded by
 * its 14-bit header fields (16383 px).
 */
import type { ImageHeader } from '../core/image-header.js';

/** Deflate's largest expansion (zlib technical details: 1032:1). */
const MAX_DEFLATE_RATIO = 1032;
/** Channels per PNG colour type (the PNG specification, "IHDR Image header"). */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Why the image cannot be the size it says, in words for "Image N …", or null when its data can hold it. */
export function pixelDataShortfall(bytes: Uint8Array, header: ImageHeader): string | null {
  const claimed = `claims ${header.width}×${header.height} px`;
  if (header.mimeType === 'image/png') {
    const idat = pngIdatBytes(bytes);
    const channels = PNG_CHANNELS[bytes[25] ?? -1];
    if (idat === null || channels === undefined) return 'is cut short or damaged';
    const bitsPerPixel = channels * (bytes[24] ?? 8);
    const rawBytes = header.height * (1 + Math.ceil((header.width * bitsPerPixel) / 8));
    if (idat * MAX_DEFLATE_RATIO < rawBytes) return `${claimed} but holds only ${idat} bytes of pixel data`;
  }
  if (header.mimeType === 'image/jpeg') {
    const floor = (header.width * header.height) / 64 / 8 / 2;
    if (bytes.length < floor) return `${claimed} but is only ${bytes.length} bytes`;
  }
  return null;
}

/** Total length of a PNG's IDAT chunks, walking the chunk list; null when a chunk runs past the end. */
function pngIdatBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (at + 12 + length > bytes.length) return null;
    if (type === 'IDAT') total += length;
    if (type === 'IEND') return total;
    at += 12 + length;
  }
  return null;
}
