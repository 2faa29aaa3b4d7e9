import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import jpeg from 'jpeg-js';
import { createImage, encodePng } from '../../core/png.js';

const png = encodePng(createImage(37, 21, [255, 0, 0, 255]));

/** A minimal JPEG prefix: SOI, an APP0 segment, then a baseline SOF0 with the given size. */
function jpegHeader(width: number, height: number, app1Bytes = 0): Uint8Array {
  const app1 =
    app1Bytes > 0
      ? [0xff, 0xe1, (app1Bytes + 2) >> 8, (app1Bytes + 2) & 0xff, ...new Array<number>(app1Bytes).fill(0)]
      : [];
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    ...app1,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
}

describe('readImageHeader', () => {
  it.each<[string, Uint8Array, ReturnType<typeof readImageHeader>]>([
    ['a PNG', png, { mimeType: 'image/png', width: 37, height: 21 }],
    ['a JPEG', jpegHeader(5504, 3072), { mimeType: 'image/jpeg', width: 5504, height: 3072 }],
    ['a JPEG with a large APP1 block', jpegHeader(640, 480, 3000), { mimeType: 'image/jpeg', width: 640, height: 480 }],
    [
      'a whole JPEG as the Gemini double encodes Gemini 3 answers (jpeg-js, quality 90)',
      jpeg.encode(createImage(928, 1152, [90, 140, 200, 255]), 90).data,
      { mimeType: 'image/jpeg', width: 928, height: 1152 },
    ],
    [
      'a GIF',
      Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x0a, 0x00, 0x05, 0x00]),
      { mimeType: 'image/gif', width: 10, height: 5 },
    ],
    ['a truncated PNG', png.subarray(0, 20), null],
    [
      'a PNG of size zero',
      (() => {
        const b = png.slice();
        b.fill(0, 16, 24);
        return b;
      })(),
      null,
    ],
    ['text', new TextEncoder().encode('hello world, not an image at all'), null],
    ['nothing', new Uint8Array(0), null],
    ['a JPEG with no frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]), null],
  ])('%s', (_name, bytes, expected) => {
    expect(readImageHeader(bytes)).toEqual(expected);
  });

  it('reads a WebP (VP8X) header', () => {
    const b = new Uint8Array(30);
    b.set([0x52, 0x49, 0x46, 0x46], 0);
    b.set([0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x58], 8);
    b.set([0xff, 0x03, 0x00], 24); // width − 1 = 1023
    b.set([0x7f, 0x02, 0x00], 27); // height − 1 = 639
    expect(readImageHeader(b)).toEqual({ mimeType: 'image/webp', width: 1024, height: 640 });
  });
});
