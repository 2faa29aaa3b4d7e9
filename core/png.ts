/**
 * A small, pure PNG codec for 8-bit RGBA pixels. The Gemini double uses it to answer with real images, and the
 * Figma double to export real pixels, in Node and in the browser playground alike (no canvas, no zlib binding).
 */
import { unzlibSync, zlibSync } from 'fflate';

/** Pixels as 8-bit RGBA rows, top to bottom, with no padding. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Largest side we agree to decode or encode: Gemini's widest answer is 12288 px
 * (docs/gemini-platform.md#output-pixel-sizes).
 */
export const MAX_PNG_SIDE = 16_384;

/** A blank (transparent) image, or one filled with a colour. */
export function createImage(
  width: number,
  height: number,
  rgba: [number, number, number, number] = [0, 0, 0, 0],
): RgbaImage {
  checkSize(width, height);
  const data = new Uint8Array(width * height * 4);
  if (rgba.some((v) => v !== 0)) {
    for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  }
  return { width, height, data };
}

/**
 * Encodes RGBA pixels as a PNG. Rows use the "up" filter, which compresses the smooth images we make well;
 * `level` trades size for speed (1 is fastest).
 */
export function encodePng(image: RgbaImage, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 3): Uint8Array {
  const { width, height, data } = image;
  checkSize(width, height);
  if (data.length !== width * height * 4) throw new RangeError('pixel data does not match width × height × 4');
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const out = y * (stride + 1);
    const row = y * stride;
    if (y === 0) {
      raw[out] = 0;
      raw.set(data.subarray(row, row + stride), out + 1);
      continue;
    }
    raw[out] = 2; // Up
    for (let x = 0; x < stride; x++) raw[out + 1 + x] = (data[row + x]! - data[row - stride + x]!) & 0xff;
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const idat = zlibSync(raw, { level });
  const parts = [SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  return concat(parts);
}

/** Thrown for bytes that are not a PNG we can read; the message says what is wrong. */
export class PngError extends Error {
  override name = 'PngError';
}

/** Decodes a PNG (greyscale, RGB, palette, with or without alpha; 1–16 bits; not interlaced) to RGBA8. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const parsed = parsePng(bytes);
  let raw: Uint8Array;
  try {
    raw = unzlibSync(parsed.zlib);
  } catch {
    throw new PngError('PNG image data is corrupt');
  }
  return pixelsOf(parsed, raw);
}

/**
 * {@link decodePng} with the zlib stream inflated by `inflateAsync` (in the browser, its native
 * `DecompressionStream`, several times faster than fflate); a rejection is corrupt image data.
 */
export async function decodePngAsync(
  bytes: Uint8Array,
  inflateAsync: (zlib: Uint8Array) => Promise<Uint8Array>,
): Promise<RgbaImage> {
  const parsed = parsePng(bytes);
  let raw: Uint8Array;
  try {
    raw = await inflateAsync(parsed.zlib);
  } catch {
    throw new PngError('PNG image data is corrupt');
  }
  return pixelsOf(parsed, raw);
}

interface ParsedPng {
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
function parsePng(bytes: Uint8Array): ParsedPng {
  if (bytes.length < 8 || !SIGNATURE.every((v, i) => bytes[i] === v)) throw new PngError('not a PNG file');
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
  return { width, height, depth, colour, channels, palette, transparency, zlib: concat(idat) };
}

/** The RGBA8 pixels of a parsed PNG from its inflated scanlines. */
function pixelsOf(parsed: ParsedPng, raw: Uint8Array): RgbaImage {
  const { width, height, depth, colour, channels, palette, transparency } = parsed;
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  if (raw.length < (stride + 1) * height) throw new PngError('PNG image data is truncated');
  const rows = unfilter(raw, stride, height, bpp);
  // 8-bit RGBA and RGB (what Figma and Gemini write) take a fast path: a 4K answer decodes in a fraction of the time.
  if (depth === 8 && colour === 6) return { width, height, data: rows };
  if (depth === 8 && colour === 2) return { width, height, data: rgbToRgba(rows, width * height) };
  const out = new Uint8Array(width * height * 4);
  const sample = (row: Uint8Array, index: number): number => {
    if (depth === 8) return row[index]!;
    if (depth === 16) return row[index * 2]!;
    const perByte = 8 / depth;
    const byte = row[Math.floor(index / perByte)]!;
    const shift = 8 - depth * ((index % perByte) + 1);
    return (byte >> shift) & ((1 << depth) - 1);
  };
  const scale = depth < 8 ? 255 / ((1 << depth) - 1) : 1;
  for (let y = 0; y < height; y++) {
    const row = rows.subarray(y * stride, (y + 1) * stride);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colour === 3) {
        const index = sample(row, x);
        if (!palette || index * 3 + 2 >= palette.length) throw new PngError('PNG palette index out of range');
        out[o] = palette[index * 3]!;
        out[o + 1] = palette[index * 3 + 1]!;
        out[o + 2] = palette[index * 3 + 2]!;
        out[o + 3] = transparency && index < transparency.length ? transparency[index]! : 255;
        continue;
      }
      const s = (c: number): number => Math.round(sample(row, x * channels + c) * scale);
      if (colour === 0 || colour === 4) {
        const g = s(0);
        out[o] = out[o + 1] = out[o + 2] = g;
        out[o + 3] = colour === 4 ? s(1) : 255;
      } else {
        out[o] = s(0);
        out[o + 1] = s(1);
        out[o + 2] = s(2);
        out[o + 3] = colour === 6 ? s(3) : 255;
      }
    }
  }
  return { width, height, data: out };
}

/** 8-bit RGB pixels with alpha 255 added. */
function rgbToRgba(rgb: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 4);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 3, o += 4) {
    out[o] = rgb[i]!;
    out[o + 1] = rgb[i + 1]!;
    out[o + 2] = rgb[i + 2]!;
    out[o + 3] = 255;
  }
  return out;
}

/**
 * Reverses PNG's per-row filters (the PNG specification, "Filtering"). Each row's filter is read once and the row done
 * in one tight loop: the bytes before the first full pixel have no left neighbour (a = c = 0), and the first row has no
 * row above (b = c = 0), exactly as the spec's per-byte definition says.
 */
function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    const up = dst - stride;
    const first = Math.min(bpp, stride);
    switch (filter) {
      case 0:
        out.set(raw.subarray(src, src + stride), dst);
        break;
      case 1:
        for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
        for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + out[dst + x - bpp]!) & 0xff;
        break;
      case 2:
        if (y === 0) out.set(raw.subarray(src, src + stride), dst);
        else for (let x = 0; x < stride; x++) out[dst + x] = (raw[src + x]! + out[up + x]!) & 0xff;
        break;
      case 3:
        if (y === 0) {
          for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
          for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + (out[dst + x - bpp]! >> 1)) & 0xff;
        } else {
          for (let x = 0; x < first; x++) out[dst + x] = (raw[src + x]! + (out[up + x]! >> 1)) & 0xff;
          for (let x = first; x < stride; x++) {
            out[dst + x] = (raw[src + x]! + ((out[dst + x - bpp]! + out[up + x]!) >> 1)) & 0xff;
          }
        }
        break;
      case 4:
        if (y === 0) {
          // Paeth with no row above predicts the left neighbour.
          for (let x = 0; x < first; x++) out[dst + x] = raw[src + x]!;
          for (let x = first; x < stride; x++) out[dst + x] = (raw[src + x]! + out[dst + x - bpp]!) & 0xff;
        } else {
          // With no left neighbour, Paeth predicts the byte above.
          for (let x = 0; x < first; x++) out[dst + x] = (raw[src + x]! + out[up + x]!) & 0xff;
          for (let x = first; x < stride; x++) {
            const a = out[dst + x - bpp]!;
            const b = out[up + x]!;
            const c = out[up + x - bpp]!;
            const p = a + b - c;
            const pa = p > a ? p - a : a - p;
            const pb = p > b ? p - b : b - p;
            const pc = p > c ? p - c : c - p;
            out[dst + x] = (raw[src + x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
          }
        }
        break;
      default:
        throw new PngError(`PNG row ${y} has unknown filter ${filter}`);
    }
  }
  return out;
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new PngError(`image size must be whole pixels above zero, got ${width}×${height}`);
  }
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new PngError(`image is ${width}×${height}; the largest side allowed is ${MAX_PNG_SIDE}`);
  }
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
