/**
 * PNG files built byte by byte for the decoder's tests (the PNG specification, "PNG signature" and "Chunk
 * specifications"): the signature, IHDR, any extra chunks, the scanlines deflated into one IDAT, and IEND. Scanlines
 * are given as stored, each its filter-type byte then its filtered bytes, so a test can write any filter, bit depth or
 * colour type, valid or not.
 */
import { zlibSync } from 'fflate';
import { crc32 } from '../../core/png.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG of `scanlines` (rows of numbers, or all rows already joined) with `extra` chunks before the IDAT. */
export function handmadePng(
  width: number,
  height: number,
  colour: number,
  depth: number,
  scanlines: number[][] | Uint8Array,
  extra: [string, number[]][] = [],
): Uint8Array {
  const raw = scanlines instanceof Uint8Array ? scanlines : Uint8Array.from(scanlines.flat());
  const ihdr = [...uint32(width), ...uint32(height), depth, colour, 0, 0, 0];
  return Uint8Array.from([
    ...SIGNATURE,
    ...chunk('IHDR', ihdr),
    ...extra.flatMap(([type, body]) => chunk(type, body)),
    ...chunk('IDAT', zlibSync(raw)),
    ...chunk('IEND', []),
  ]);
}

/** One chunk: length, type, body, and the CRC of type and body. */
function chunk(type: string, body: ArrayLike<number>): number[] {
  const typed = [...type].map((c) => c.charCodeAt(0));
  const typeAndBody = Uint8Array.from([...typed, ...Array.from(body)]);
  return [...uint32(body.length), ...typeAndBody, ...uint32(crc32(typeAndBody))];
}

/** Big-endian, as every PNG integer is. */
function uint32(n: number): number[] {
  return [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
}
