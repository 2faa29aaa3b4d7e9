import { describe, expect, it } from 'vitest';
import type { ImageSize } from '../../core/image-sizes.js';
import { pointSizeOf } from '../../core/point-size.js';

describe('pointSizeOf', () => {
  const cases: [string, [number, number], ImageSize | undefined, [number, number]][] = [
    ['a 1K 16:9 answer: one pixel per point', [1376, 768], '1K', [1376, 768]],
    ['a 2K 16:9 answer: half its pixels', [2752, 1536], '2K', [1376, 768]],
    ['a 2K 9:16 answer', [1536, 2752], '2K', [768, 1376]],
    ['a 4K 1:1 answer', [4096, 4096], '4K', [1024, 1024]],
    ['a 512 answer: twice its pixels, the 1K size', [512, 512], '512', [1024, 1024]],
    ['no size knob: one pixel per point', [1024, 1024], undefined, [1024, 1024]],
    ['odd pixels round to whole points', [2751, 1537], '2K', [1376, 769]],
    ['never below one point', [1, 1], '4K', [1, 1]],
  ];
  it.each(cases)('%s', (_name, [width, height], size, [w, h]) => {
    expect(pointSizeOf({ width, height }, size)).toEqual({ width: w, height: h });
  });
});
