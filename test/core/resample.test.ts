import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../../core/png.js';
import { resampleRgba, resampleWindow } from '../../core/resample.js';
import { pixelAt, randomImage } from './region-test-images.js';

/** A checkerboard of black and white squares `cell` pixels wide. */
function checkerboard(width: number, height: number, cell: number): RgbaImage {
  const image = createImage(width, height, [0, 0, 0, 255]);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 1)
        image.data.fill(255, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return image;
}

describe('resampleRgba', () => {
  it.each([
    // source size, output size, colour
    [
      [10, 10],
      [3, 3],
      [200, 100, 50, 255],
    ],
    [
      [10, 10],
      [37, 23],
      [200, 100, 50, 255],
    ],
    [
      [5504, 3],
      [4096, 2],
      [12, 34, 56, 255],
    ],
    [
      [7, 9],
      [7, 9],
      [1, 2, 3, 4],
    ],
    [
      [33, 17],
      [8, 40],
      [90, 180, 255, 128],
    ],
    [
      [3, 3],
      [100, 1],
      [0, 255, 0, 1],
    ],
  ] as const)('keeps a constant %j image constant at %j', ([sw, sh], [dw, dh], colour) => {
    const out = resampleRgba(createImage(sw, sh, [...colour]), dw, dh);
    expect([out.width, out.height]).toEqual([dw, dh]);
    for (let i = 0; i < out.data.length; i += 4) {
      expect(Array.from(out.data.subarray(i, i + 4))).toEqual(colour);
    }
  });

  it('averages a checkerboard it halves into flat grey', () => {
    const out = resampleRgba(checkerboard(16, 16, 1), 8, 8);
    for (let i = 0; i < out.data.length; i += 4) {
      expect(Array.from(out.data.subarray(i, i + 4))).toEqual([128, 128, 128, 255]); // 127.5 rounds up
    }
  });

  it('averages a checkerboard at a fractional scale to near grey, without aliasing', () => {
    const out = resampleRgba(checkerboard(64, 48, 1), 23, 17);
    for (let i = 0; i < out.data.length; i += 4) {
      expect(Math.abs(out.data[i]! - 127.5)).toBeLessThan(12);
    }
  });

  it('keeps large checker cells black and white where whole cells fall into one pixel', () => {
    const out = resampleRgba(checkerboard(16, 16, 4), 4, 4);
    expect(pixelAt(out, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(out, 1, 0)).toEqual([255, 255, 255, 255]);
  });

  it('interpolates bilinearly when it grows, pixel centres aligned and edges clamped', () => {
    const src = createImage(2, 1, [0, 0, 0, 255]);
    src.data.set([255, 255, 255, 255], 4);
    const out = resampleRgba(src, 4, 1);
    expect([0, 1, 2, 3].map((x) => pixelAt(out, x, 0)[0])).toEqual([0, 64, 191, 255]);
  });

  it('copies exactly when the size does not change', () => {
    const src = randomImage(31, 17, 7);
    expect(resampleRgba(src, 31, 17).data).toEqual(src.data);
    const part = resampleRgba(src, 10, 5, { x: 3, y: 4, width: 10, height: 5 });
    expect(pixelAt(part, 0, 0)).toEqual(pixelAt(src, 3, 4));
    expect(pixelAt(part, 9, 4)).toEqual(pixelAt(src, 12, 8));
  });

  it('does not bleed the colour of transparent pixels', () => {
    const src = createImage(2, 1, [255, 0, 0, 0]); // transparent red
    src.data.set([0, 0, 255, 255], 4); // opaque blue
    expect(pixelAt(resampleRgba(src, 1, 1), 0, 0)).toEqual([0, 0, 255, 128]);
  });

  it('reads only the source rectangle', () => {
    const src = createImage(20, 20, [255, 0, 0, 255]);
    for (let y = 5; y < 15; y++) src.data.fill(0, (y * 20 + 5) * 4, (y * 20 + 15) * 4);
    const out = resampleRgba(src, 3, 3, { x: 5, y: 5, width: 10, height: 10 });
    expect(out.data.every((v) => v === 0)).toBe(true);
  });

  it('rejects sizes and rectangles that are not whole pixels inside the image', () => {
    const src = createImage(4, 4);
    expect(() => resampleRgba(src, 0, 3)).toThrow(RangeError);
    expect(() => resampleRgba(src, 2.5, 3)).toThrow(RangeError);
    expect(() => resampleRgba(src, 2, 2, { x: 1, y: 1, width: 4, height: 2 })).toThrow(RangeError);
    expect(() => resampleRgba(src, 2, 2, { x: 0.5, y: 0, width: 2, height: 2 })).toThrow(RangeError);
  });
});

describe('resampleWindow', () => {
  it.each([
    [
      [40, 30],
      [17, 13],
    ],
    [
      [12, 9],
      [50, 31],
    ],
    [
      [40, 30],
      [40, 30],
    ],
  ] as const)('computes the same pixels as the whole resample (%j → %j)', ([sw, sh], [dw, dh]) => {
    const src = randomImage(sw, sh, 11);
    const whole = resampleRgba(src, dw, dh);
    const window = { x: 3, y: 2, width: dw - 5, height: dh - 4 };
    const part = resampleWindow(src, { x: 0, y: 0, width: sw, height: sh }, dw, dh, window);
    for (let y = 0; y < window.height; y++) {
      for (let x = 0; x < window.width; x++) {
        expect(pixelAt(part, x, y)).toEqual(pixelAt(whole, window.x + x, window.y + y));
      }
    }
  });
});
