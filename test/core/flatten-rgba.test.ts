import { describe, expect, it } from 'vitest';
import { flattenOnto } from '../../core/flatten-rgba.js';
import { createImage } from '../../core/png.js';

describe('flattenOnto', () => {
  it('returns an opaque image as it is', () => {
    const image = createImage(2, 2, [10, 20, 30, 255]);
    expect(flattenOnto(image)).toBe(image);
  });

  it.each<[[number, number, number, number], [number, number, number], number[]]>([
    [
      [0, 0, 0, 0],
      [255, 255, 255],
      [255, 255, 255, 255],
    ],
    [
      [200, 100, 0, 128],
      [255, 255, 255],
      [227, 177, 127, 255],
    ],
    [
      [200, 100, 0, 128],
      [0, 0, 0],
      [100, 50, 0, 255],
    ],
    [
      [9, 9, 9, 0],
      [1, 2, 3],
      [1, 2, 3, 255],
    ],
  ])('%j over %j → %j', (pixel, background, expected) => {
    const out = flattenOnto(createImage(1, 1, pixel), background);
    expect(Array.from(out.data)).toEqual(expected);
  });

  it('does not change its input', () => {
    const image = createImage(1, 1, [1, 2, 3, 4]);
    flattenOnto(image);
    expect(Array.from(image.data)).toEqual([1, 2, 3, 4]);
  });
});
