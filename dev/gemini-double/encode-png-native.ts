/**
 * A PNG encoder on Node's native zlib, for the double's big answers. `core/png.ts` `encodePng` is pure (it runs in
 * the browser too) but deflates with fflate, several times slower on a 4K answer (docs/benchmarks.md#the-gemini-double).
 * The output is a plain 8-bit RGBA PNG that `decodePng` reads back.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { RgbaImage } from '../../core/png.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes RGBA8 pixels. Rows use filter 0 (none): the filters cost more time in JS than they save in deflate. */
export function encodePngNative(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new RangeError('pixel data does not match width × height × 4');
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(body.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}
