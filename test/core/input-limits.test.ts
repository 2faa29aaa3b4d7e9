import { describe, expect, it } from 'vitest';
import {
  formatMegabytes,
  GEMINI_INLINE_IMAGE_MAX_BYTES,
  inlineImageMaxBytes,
  shrinkToFit,
  VERTEX_INLINE_IMAGE_MAX_BYTES,
} from '../../core/input-limits.js';

describe('inline input image limits', () => {
  it.each([
    ['vertex', 7_000_000],
    ['gemini', 20 * 1024 * 1024],
    ['offline', GEMINI_INLINE_IMAGE_MAX_BYTES],
  ] as const)('%s takes at most %d bytes per image', (mode, bytes) => {
    expect(inlineImageMaxBytes(mode)).toBe(bytes);
  });

  it.each([
    [VERTEX_INLINE_IMAGE_MAX_BYTES, '7 MB'],
    [GEMINI_INLINE_IMAGE_MAX_BYTES, '21 MB'],
    [8_460_000, '8.5 MB'],
    [12_345, '13 kB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatMegabytes(bytes)).toBe(text);
  });
});

describe('shrinkToFit', () => {
  it.each([
    // width, height, bytes, limit → next size (null: it fits)
    [4096, 4096, 7_000_000, 7_000_000, null],
    [4096, 4096, 28_000_000, 7_000_000, { width: 1843, height: 1843 }],
    [4096, 2304, 9_000_000, 7_000_000, { width: 3251, height: 1828 }],
    [3, 1, 5_000, 10, { width: 1, height: 1 }],
  ])('%d×%d at %d bytes under %d → %j', (width, height, bytes, limit, next) => {
    expect(shrinkToFit(width, height, bytes, limit)).toEqual(next);
  });

  it('keeps the aspect ratio within a pixel', () => {
    const next = shrinkToFit(3000, 1000, 50_000_000, 7_000_000)!;
    expect(Math.abs(next.width / next.height - 3)).toBeLessThan(0.01);
  });
});
