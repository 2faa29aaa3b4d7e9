/**
 * The first step of the PNG decoder (core/png-decode.ts): the chunks read and the header checked, the pixels still
 * compressed (the PNG specification, "Chunk specifications").
 */
import { concatBytes, PNG_SIGNATURE } from './png-chunks.js';
import { PngError } from './png-error.js';
import { checkSize } from './rgba-image.js';

/** A PNG read as far as its compressed pixels. */
export interface ParsedPng {
  width: number;
  height: number;
  depth: number;
  colour: number;
  channels: number;
  palette: Uint8Array | null;
  transparency: Uint8Array | null;
  /** The IDAT chunks' bodies joined: one zlib stream. */
  zlib: Uint8Array;
}

/** Reads the chunks and checks the header; the pixels are still compressed. */
export function parsePng(bytes: Uint8Array): ParsedPng {
  if (bytes.length < 8 || !PNG_SIGNATURE.every((v, i) => bytes[i] === v)) throw new PngError('not a PNG file');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (start + length + 4 > bytes.length) throw new PngError(`PNG is truncated inside the ${type} chunk`);
    const body = bytes.subarray(start, start + length);
    if (type === 'IHDR') {
      if (length < 13) throw new PngError('PNG header is truncated');
      const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
      header = {
        width: v.getUint32(0),
        height: v.getUint32(4),
        depth: body[8]!,
        colour: body[9]!,
        interlace: body[12]!,
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset = start + length + 4;
  }
  if (!header) throw new PngError('PNG has no header');
  const { width, height, depth, colour, interlace } = header;
  checkSize(width, height);
  if (interlace !== 0) throw new PngError('interlaced PNGs are not supported');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth))
    throw new PngError(`unsupported PNG colour type ${colour} / depth ${depth}`);
  if (idat.length === 0) throw new PngError('PNG has no image data');
  return { width, height, depth, colour, channels, palette, transparency, zlib: concatBytes(idat) };
}
