import { describe, expect, it } from 'vitest';
import { createImage, decodePng, encodePng, PngError, type RgbaImage } from '../../core/png.js';
import { handmadePng } from '../support/handmade-png.js';

function gradient(width: number, height: number): RgbaImage {
  const image = createImage(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      image.data.set([x % 256, y % 256, (x * y) % 256, 255 - (x % 128)], (y * width + x) * 4);
    }
  }
  return image;
}

describe('PNG codec', () => {
  it.each([
    [1, 1],
    [3, 2],
    [64, 17],
    [257, 3],
  ])('round-trips a %i×%i gradient byte for byte', (w, h) => {
    const image = gradient(w, h);
    const decoded = decodePng(encodePng(image));
    expect(decoded.width).toBe(w);
    expect(decoded.height).toBe(h);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('encodes deterministically', () => {
    const image = gradient(40, 30);
    expect(Buffer.from(encodePng(image)).equals(Buffer.from(encodePng(image)))).toBe(true);
  });

  it.each<[string, Uint8Array, number[]]>([
    ['greyscale 8-bit', handmadePng(2, 1, 0, 8, [[0, 10, 200]]), [10, 10, 10, 255, 200, 200, 200, 255]],
    [
      'RGB 8-bit with Sub filter',
      handmadePng(2, 1, 2, 8, [[1, 10, 20, 30, 5, 5, 5]]),
      [10, 20, 30, 255, 15, 25, 35, 255],
    ],
    ['grey+alpha', handmadePng(1, 1, 4, 8, [[0, 99, 50]]), [99, 99, 99, 50]],
    [
      '1-bit greyscale',
      handmadePng(3, 1, 0, 1, [[0, 0b10100000]]),
      [255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255],
    ],
    ['RGB 16-bit', handmadePng(1, 1, 2, 16, [[0, 0x12, 0x34, 0xab, 0xcd, 0xff, 0xff]]), [0x12, 0xab, 0xff, 255]],
    [
      'palette with transparency',
      handmadePng(
        2,
        1,
        3,
        8,
        [[0, 1, 0]],
        [
          ['PLTE', [255, 0, 0, 0, 0, 255]],
          ['tRNS', [128]],
        ],
      ),
      [0, 0, 255, 255, 255, 0, 0, 128],
    ],
    [
      'Paeth filter',
      handmadePng(1, 2, 0, 8, [
        [0, 100],
        [4, 5],
      ]),
      [100, 100, 100, 255, 105, 105, 105, 255],
    ],
    ['Average filter', handmadePng(2, 1, 0, 8, [[3, 100, 50]]), [100, 100, 100, 255, 100, 100, 100, 255]],
  ])('decodes %s', (_name, bytes, rgba) => {
    expect([...decodePng(bytes).data]).toEqual(rgba);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['not a PNG', new TextEncoder().encode('GIF89a and more bytes'), /not a PNG/],
    ['a truncated file', encodePng(gradient(20, 20)).subarray(0, 60), /truncated/],
    ['an unknown filter', handmadePng(1, 1, 0, 8, [[9, 1]]), /unknown filter/],
    ['a palette index out of range', handmadePng(1, 1, 3, 8, [[0, 5]], [['PLTE', [1, 2, 3]]]), /palette/],
    ['an unsupported colour type', handmadePng(1, 1, 5, 8, [[0, 1]]), /unsupported PNG colour type/],
    ['a zero-size image', handmadePng(0, 1, 0, 8, [[0]]), /above zero/],
    // Found by the property test: a header chunk cut short inside its declared length.
    [
      'a short header chunk',
      Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 4, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 0]),
      /truncated/,
    ],
  ])('rejects %s with a PngError', (_name, bytes, message) => {
    expect(() => decodePng(bytes)).toThrow(PngError);
    expect(() => decodePng(bytes)).toThrow(message);
  });

  it('refuses sizes beyond the largest side', () => {
    expect(() => createImage(16_385, 1)).toThrow(/largest side/);
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3) })).toThrow(/does not match/);
  });
});
