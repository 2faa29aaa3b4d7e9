/**
 * Expand's pixels (core/expand-composite.ts): the original region of the result equals the source export byte for
 * byte, for opaque and transparent sources and for a JPEG answer (whose colours never match the source's); the new
 * area is the answer's; the feather touches only the new side.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { compositeExpand, EXPAND_FEATHER_PX, expandLayout, expandSendImage } from '../../core/expand-composite.js';
import { planExpand } from '../../core/expand-plan.js';
import { findModel } from '../../core/models.js';
import { createImage, type RgbaImage } from '../../core/png.js';
import { loadRegistry } from '../support/registry.js';
import { pixelAt, randomImage } from './region-test-images.js';

const nano = findModel(loadRegistry(), 'gemini-nano-banana-2.1')!;

/** The `rect` of `image`, row by row, as one byte array. */
function cut(image: RgbaImage, x: number, y: number, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    out.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return out;
}

/** An answer as Gemini 3 sends it: JPEG, decoded. */
function jpegAnswer(width: number, height: number): RgbaImage {
  const picture = createImage(width, height, [40, 160, 90, 255]);
  const decoded = jpeg.decode(jpeg.encode(picture, 90).data, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

function expandOf(source: RgbaImage, points: { width: number; height: number }, ratio: string) {
  const plan = planExpand({ ...points, exportScale: 2 }, { kind: 'ratio', ratio }, nano);
  if (!plan.ok) throw new Error(plan.error.message);
  return expandLayout(plan.value, source.width, source.height);
}

describe('compositeExpand', () => {
  it.each([
    ['opaque', true],
    ['transparent', false],
  ])('keeps every pixel of an %s original byte for byte', (_kind, opaque) => {
    const source = randomImage(240, 160, 7, opaque);
    const layout = expandOf(source, { width: 120, height: 80 }, '16:9');
    expect(layout.canvas).toEqual({ width: 284, height: 160 });
    const result = compositeExpand(source, jpegAnswer(1376, 768), layout);
    const { x, y, width, height } = layout.original;
    expect([result.width, result.height]).toEqual([284, 160]);
    expect(Buffer.from(cut(result, x, y, width, height)).equals(Buffer.from(source.data))).toBe(true);
  });

  it('fills the new area from the answer, feathered on the new side only', () => {
    const source = createImage(200, 200, [250, 10, 10, 255]);
    const layout = expandOf(source, { width: 100, height: 100 }, '16:9');
    const result = compositeExpand(source, jpegAnswer(2752, 1536), layout);
    const left = layout.original.x;
    // Far from the seam: the answer's green.
    const far = pixelAt(result, 2, 100);
    expect(far[1]).toBeGreaterThan(140);
    expect(far[0]).toBeLessThan(60);
    // Next to the seam, outside: mostly the original's red; at the band's end, the answer.
    expect(pixelAt(result, left - 1, 100)[0]).toBeGreaterThan(180);
    expect(pixelAt(result, left - EXPAND_FEATHER_PX - 1, 100)[0]).toBeLessThan(60);
    // The first pixel inside is the original's, untouched.
    expect(pixelAt(result, left, 100)).toEqual([250, 10, 10, 255]);
  });

  it('sends the original on flat white at its place in the sent canvas', () => {
    const source = createImage(200, 200, [0, 0, 255, 255]);
    const layout = expandOf(source, { width: 100, height: 100 }, '16:9');
    const sent = expandSendImage(source, layout, 1376, 768);
    expect(pixelAt(sent, 10, 384)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(sent, 688, 384)).toEqual([0, 0, 255, 255]);
  });
});
