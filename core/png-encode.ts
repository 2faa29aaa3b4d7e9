/** The PNG encoder of core/png.ts: 8-bit RGBA pixels to a PNG file. */
import { zlibSync } from 'fflate';
import { concatBytes, chunk, PNG_SIGNATURE } from './png-chunks.js';
import { checkSize, type RgbaImage } from './rgba-image.js';

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
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  return concatBytes(parts);
}
