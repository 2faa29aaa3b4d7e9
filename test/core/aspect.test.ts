import { describe, expect, it } from 'vitest';
import {
  COVER_TOLERANCE,
  chooseImageSize,
  frameRequestShape,
  nearestAspectRatio,
  parseRatio,
} from '../../core/aspect.js';
import { coverCrop, fitWithin } from '../../core/cover-crop.js';
import { findModel } from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();
const flash25 = findModel(registry, 'gemini-2.5-flash-image')!;
const pro3 = findModel(registry, 'gemini-3-pro-image')!;
const flash31 = findModel(registry, 'gemini-3.1-flash-image')!;

describe('parseRatio', () => {
  it.each([
    ['16:9', 16 / 9],
    ['1:1', 1],
    ['21:9', 21 / 9],
    ['1:8', 1 / 8],
    ['0:1', null],
    ['16/9', null],
    ['', null],
    ['1:1:1', null],
  ])('%s → %s', (text, value) => {
    expect(parseRatio(text)).toBe(value);
  });
});

describe('nearestAspectRatio', () => {
  it.each([
    // width, height, model, expected
    [1080, 1350, pro3, '4:5'],
    [1920, 1080, pro3, '16:9'],
    [1080, 1920, pro3, '9:16'],
    [500, 500, pro3, '1:1'],
    [2560, 1080, pro3, '21:9'],
    [1200, 300, pro3, '21:9'], // 4:1 is not offered by 3 Pro
    [1200, 300, flash31, '4:1'],
    [300, 2400, flash31, '1:8'],
    [300, 2400, flash25, '9:16'],
    [1000, 1001, flash25, '1:1'],
    [1366, 768, flash25, '16:9'],
    [800, 600, flash25, '4:3'],
  ])('%i×%i on %s → %s', (w, h, model, expected) => {
    expect(nearestAspectRatio(w, h, model.aspectRatios)).toBe(expected);
  });

  it('measures on a log scale, so 2:1 and 1:2 are equally far from 1:1', () => {
    expect(nearestAspectRatio(2, 1, ['1:1', '4:1'])).toBe('1:1');
    expect(nearestAspectRatio(1, 2, ['1:1', '1:4'])).toBe('1:1');
  });

  it('rejects empty sizes and empty lists', () => {
    expect(() => nearestAspectRatio(0, 10, ['1:1'])).toThrow(RangeError);
    expect(() => nearestAspectRatio(10, 10, [])).toThrow(RangeError);
  });

  it('returns a ratio the model offers for every ratio and size in the tables', () => {
    for (const model of registry.models) {
      for (const [, table] of Object.entries(model.dimensions)) {
        for (const [ratio, [w, h]] of Object.entries(table)) {
          expect(nearestAspectRatio(w, h, model.aspectRatios)).toBe(ratio);
        }
      }
    }
  });
});

describe('chooseImageSize', () => {
  it.each([
    // model, ratio, pixels needed, expected
    [pro3, '4:5', 1080 * 2, 1350 * 2, '2K'], // a 1080×1350 frame at 2× asks for 2K
    [pro3, '4:5', 1080, 1350, '1K'], // 1K is 928×1152: a 16% upscale, within tolerance
    [pro3, '4:5', 900, 1100, '1K'],
    [pro3, '4:5', 1160, 1440, '1K'], // exactly a 25% upscale of 1K: still 1K
    [pro3, '4:5', 1161, 1441, '2K'],
    [pro3, '4:5', 4000, 5000, '4K'],
    [pro3, '1:1', 9000, 9000, '4K'], // nothing covers it: the largest
    [flash31, '1:1', 500, 500, '512'],
    [flash31, '1:1', 640, 100, '512'], // 512 × 1.25 = 640
    [flash31, '1:1', 641, 100, '1K'],
    [flash31, '16:9', 2752, 1536, '2K'],
    [flash31, '16:9', 3440, 1920, '2K'], // 2752 × 1.25 = 3440
    [flash31, '16:9', 3441, 1920, '4K'],
    [flash25, '16:9', 4000, 2000, '1K'], // one size only
  ])('%s at %s for %i×%i → %s', (model, ratio, w, h, expected) => {
    expect(chooseImageSize(model, ratio, w, h)).toBe(expected);
  });

  it('always picks a size whose tabled output covers the need when one exists', () => {
    for (const model of [pro3, flash31]) {
      for (const ratio of model.aspectRatios) {
        for (const need of [100, 700, 1500, 3000]) {
          const size = chooseImageSize(model, ratio, need, need);
          const [w, h] = model.dimensions[size]![ratio]!;
          const tolerated = need / COVER_TOLERANCE;
          const coverable = Object.values(model.dimensions).some(
            (t) => t[ratio]![0] >= tolerated && t[ratio]![1] >= tolerated,
          );
          if (coverable) expect(w >= tolerated && h >= tolerated).toBe(true);
        }
      }
    }
  });
});

describe('frameRequestShape', () => {
  it('takes the ratio from the frame and the size from the frame at its scale', () => {
    expect(frameRequestShape(pro3, 1080, 1350, 2)).toEqual({ aspectRatio: '4:5', imageSize: '2K' });
    expect(frameRequestShape(flash31, 375, 812, 1)).toEqual({ aspectRatio: '9:16', imageSize: '512' });
    expect(frameRequestShape(flash31, 375, 812, 2)).toEqual({ aspectRatio: '9:16', imageSize: '1K' });
    expect(frameRequestShape(flash31, 375, 812, 3)).toEqual({ aspectRatio: '9:16', imageSize: '2K' });
    expect(frameRequestShape(flash25, 1440, 1024, 1)).toEqual({ aspectRatio: '4:3', imageSize: '1K' });
  });
});

describe('coverCrop', () => {
  it.each([
    // src, dst, expected crop
    [[1000, 1000], [500, 500], { x: 0, y: 0, width: 1000, height: 1000 }],
    [[1376, 768], [1920, 1080], { x: 5, y: 0, width: 1365, height: 768 }],
    [[928, 1152], [1080, 1350], { x: 3, y: 0, width: 922, height: 1152 }],
    [[1000, 500], [500, 500], { x: 250, y: 0, width: 500, height: 500 }],
    [[500, 1000], [500, 500], { x: 0, y: 250, width: 500, height: 500 }],
    [[1536, 12288], [12288, 1], { x: 0, y: 6143, width: 1536, height: 1 }], // never a zero-pixel side
  ])('%j onto %j → %j', ([sw, sh], [dw, dh], expected) => {
    expect(coverCrop(sw!, sh!, dw!, dh!)).toEqual(expected);
  });

  it('keeps the destination ratio within a pixel and stays inside the source', () => {
    for (const [sw, sh, dw, dh] of [
      [5504, 3072, 1920, 1080],
      [3712, 4608, 1080, 1350],
      [1024, 1024, 300, 700],
      [768, 1376, 375, 812],
    ] as const) {
      const crop = coverCrop(sw, sh, dw, dh);
      expect(crop.x).toBeGreaterThanOrEqual(0);
      expect(crop.y).toBeGreaterThanOrEqual(0);
      expect(crop.x + crop.width).toBeLessThanOrEqual(sw);
      expect(crop.y + crop.height).toBeLessThanOrEqual(sh);
      expect(Math.abs(crop.width / crop.height - dw / dh)).toBeLessThan(2 / Math.min(crop.width, crop.height));
    }
  });
});

describe('fitWithin', () => {
  it.each([
    [5504, 3072, 4096, { width: 4096, height: 2286 }],
    [1536, 12288, 4096, { width: 512, height: 4096 }],
    [4096, 4096, 4096, { width: 4096, height: 4096 }],
    [1000, 500, 4096, { width: 1000, height: 500 }],
    [8192, 1, 4096, { width: 4096, height: 1 }],
  ])('%i×%i within %i → %j', (w, h, max, expected) => {
    expect(fitWithin(w, h, max)).toEqual(expected);
  });
});
