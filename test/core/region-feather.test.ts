import { describe, expect, it } from 'vitest';
import type { Rect } from '../../core/aspect.js';
import { featherWeights } from '../../core/region-feather.js';
import { createMask, type AlphaMask } from '../../core/region-mask.js';
import { rasterizeShape } from '../../core/region-shape.js';
import { seededRandom } from './region-test-images.js';

/** The weight by definition: brute-force Euclidean distance to the nearest outside pixel of the image. */
function bruteForceWeights(mask: AlphaMask, window: Rect, featherPx: number): number[] {
  const out: number[] = [];
  const outside = (x: number, y: number) =>
    x < window.x ||
    x >= window.x + window.width ||
    y < window.y ||
    y >= window.y + window.height ||
    mask.alpha[y * mask.width + x] === 0;
  for (let y = window.y; y < window.y + window.height; y++) {
    for (let x = window.x; x < window.x + window.width; x++) {
      let best = Infinity;
      for (let v = 0; v < mask.height; v++) {
        for (let u = 0; u < mask.width; u++) {
          if (outside(u, v)) best = Math.min(best, Math.hypot(u - x, v - y));
        }
      }
      const alpha = mask.alpha[y * mask.width + x]! / 255;
      out.push(alpha * Math.min(1, best / (featherPx + 1)));
    }
  }
  return out;
}

function randomMask(width: number, height: number, seed: number): AlphaMask {
  const random = seededRandom(seed);
  const mask = createMask(width, height);
  // Blobs of full alpha with random holes and some partial pixels.
  for (let i = 0; i < mask.alpha.length; i++) {
    const r = random();
    mask.alpha[i] = r < 0.15 ? 0 : r < 0.25 ? Math.floor(random() * 255) : 255;
  }
  return mask;
}

describe('featherWeights', () => {
  it.each([
    // seed, size, window, featherPx
    [1, [16, 12], { x: 0, y: 0, width: 16, height: 12 }, 3],
    [2, [16, 12], { x: 3, y: 2, width: 9, height: 7 }, 2],
    [3, [20, 9], { x: 0, y: 1, width: 20, height: 8 }, 0],
    [4, [11, 17], { x: 2, y: 0, width: 9, height: 17 }, 5.5],
    [5, [24, 24], { x: 1, y: 1, width: 22, height: 22 }, 8],
  ] as const)('matches the brute-force distance on random mask %i', (seed, [w, h], window, feather) => {
    const mask = randomMask(w, h, seed);
    const fast = Array.from(featherWeights(mask, window, feather));
    const slow = bruteForceWeights(mask, window, feather);
    fast.forEach((value, i) => expect(value).toBeCloseTo(slow[i]!, 5));
  });

  it('also matches on a mask with no holes, where only the window and the shape edge count', () => {
    const mask = rasterizeShape(30, 20, { kind: 'ellipse', cx: 15, cy: 10, rx: 13, ry: 8, rotation: 20 });
    const window = { x: 0, y: 0, width: 30, height: 20 };
    const fast = Array.from(featherWeights(mask, window, 4));
    bruteForceWeights(mask, window, 4).forEach((value, i) => expect(fast[i]).toBeCloseTo(value, 5));
  });

  it('ramps k / (featherPx + 1) over the first featherPx pixels inside a hard edge, 0 outside, 1 deeper in', () => {
    const mask = rasterizeShape(40, 40, { kind: 'rectangle', x: 10, y: 10, width: 20, height: 20 });
    const weights = featherWeights(mask, { x: 0, y: 0, width: 40, height: 40 }, 4);
    const row = Array.from(weights.subarray(20 * 40, 21 * 40)).map((w) => Math.round(w * 100) / 100);
    expect(row.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(row.slice(10, 16)).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1]);
    expect(row.slice(24, 30)).toEqual([1, 1, 0.8, 0.6, 0.4, 0.2]);
    expect(row.slice(30)).toEqual(Array(10).fill(0));
  });

  it('is monotonic from the edge inwards and never leaves the shape', () => {
    const mask = rasterizeShape(60, 60, { kind: 'ellipse', cx: 30, cy: 30, rx: 25, ry: 12, rotation: 35 }, 1);
    const weights = featherWeights(mask, { x: 0, y: 0, width: 60, height: 60 }, 6);
    for (let i = 0; i < weights.length; i++) if (mask.alpha[i] === 0) expect(weights[i]).toBe(0);
    // Along the ellipse's centre row, weights rise to the middle and fall after it.
    const row = Array.from(weights.subarray(30 * 60, 31 * 60));
    for (let x = 1; x <= 30; x++) expect(row[x]!).toBeGreaterThanOrEqual(row[x - 1]!);
    for (let x = 31; x < 60; x++) expect(row[x]!).toBeLessThanOrEqual(row[x - 1]!);
    expect(row[30]).toBe(1);
  });

  it('does not feather along the image edge: a region running off the frame is edited up to the edge', () => {
    const mask = rasterizeShape(20, 10, { kind: 'rectangle', x: -5, y: 0, width: 12, height: 10 });
    const weights = featherWeights(mask, { x: 0, y: 0, width: 20, height: 10 }, 3);
    expect(weights[5 * 20]).toBe(1); // column 0, off-frame side
    expect(weights[5 * 20 + 6]).toBeCloseTo(0.25); // column 6, one pixel inside the right edge
  });

  it('feathers along the window edge, where the patch ends', () => {
    const mask = rasterizeShape(20, 10, { kind: 'rectangle', x: 0, y: 0, width: 20, height: 10 });
    const weights = featherWeights(mask, { x: 5, y: 0, width: 10, height: 10 }, 1);
    expect(Array.from(weights.subarray(0, 10))).toEqual([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]);
  });

  it('with no feather, is the mask alpha itself', () => {
    const mask = randomMask(9, 7, 9);
    const weights = featherWeights(mask, { x: 0, y: 0, width: 9, height: 7 }, 0);
    weights.forEach((w, i) => expect(w).toBeCloseTo(mask.alpha[i]! / 255, 6));
  });

  it('rejects a negative feather and a window outside the mask', () => {
    const mask = createMask(4, 4);
    expect(() => featherWeights(mask, { x: 0, y: 0, width: 4, height: 4 }, -1)).toThrow(RangeError);
    expect(() => featherWeights(mask, { x: 2, y: 2, width: 4, height: 4 }, 1)).toThrow(RangeError);
  });
});
