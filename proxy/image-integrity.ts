/**
 * Cheap structural checks of an input image, without decoding it: an image cut short in transit, a PNG header
 * whose checksum does not match (so its size cannot be trusted), a size no Figma frame exports, or a size its data
 * cannot hold (`pixel-budget.ts`). Such images
 * are refused here with a specific error instead of being sent to Gemini, which would refuse them with a vague
 * 400 after the call was already paid for in time.
 */
import { crc32 } from 'node:zlib';
import type { ImageHeader } from '../core/image-header.js';
import { pixelDataShortfall } from './pixel-budget.js';

/** Largest side of an input image accepted: Figma exports at most 4096 px a side at 1×; 4× scale of that is plenty. */
export const MAX_INPUT_SIDE = 16_384;

const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
/** JPEG encoders may pad after the end-of-image marker; look for it this far from the end. */
const JPEG_TAIL = 1024;

/** Why the image is unusable, in words for "Image N …", or null when it looks whole. */
export function imageDefect(bytes: Uint8Array, header: ImageHeader): { tooLarge: boolean; reason: string } | null {
  if (header.width > MAX_INPUT_SIDE || header.height > MAX_INPUT_SIDE) {
    return {
      tooLarge: true,
      reason: `is ${header.width}×${header.height} px; the largest side accepted is ${MAX_INPUT_SIDE} px`,
    };
  }
  if (isCutOrDamaged(bytes, header)) return { tooLarge: false, reason: 'is cut short or damaged' };
  // A whole file can still lie about its size: its data must be able to hold the pixels it claims.
  const shortfall = pixelDataShortfall(bytes, header);
  return shortfall ? { tooLarge: false, reason: shortfall } : null;
}

/** An image cut short in transit, or a PNG header whose checksum does not match. */
function isCutOrDamaged(bytes: Uint8Array, header: ImageHeader): boolean {
  switch (header.mimeType) {
    case 'image/png': {
      // IHDR: its CRC covers the type and the 13 data bytes (the PNG specification, "Chunk layout"), so a width or height changed in
      // transit is caught here; and every PNG ends with the same 12-byte IEND chunk.
      const stored = bytes.length >= 33 ? Buffer.from(bytes.subarray(29, 33)).readUInt32BE(0) : -1;
      if (stored !== crc32(bytes.subarray(12, 29))) return true;
      const tail = bytes.subarray(bytes.length - IEND.length);
      return !(tail.length === IEND.length && IEND.every((b, i) => tail[i] === b));
    }
    case 'image/jpeg': {
      const from = Math.max(2, bytes.length - JPEG_TAIL);
      for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return false;
      return true;
    }
    case 'image/webp': {
      // RIFF: bytes 4–7 hold the size of everything after byte 8.
      const size = bytes.length >= 8 ? Buffer.from(bytes.subarray(4, 8)).readUInt32LE(0) : -1;
      return size + 8 > bytes.length;
    }
    default:
      return false;
  }
}
