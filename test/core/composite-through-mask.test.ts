import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../core/aspect.js';
import { coverCrop } from '../../core/cover-crop.js';
import { compositeThroughMask, REGION_FEATHER_PX } from '../../core/composite-through-mask.js';
import { createImage, type RgbaImage } from '../../core/png.js';
import { createMask, maskBounds, type AlphaMask } from '../../core/region-mask.js';
import { rasterizeShape, type ShapeDescription } from '../../core/region-shape.js';
import { resampleRgba } from '../../core/resample.js';
import { pixelAt, randomImage } from './region-test-images.js';

/** Pixels whose every neighbour within `featherPx + 1` (and the pixel itself) is fully inside the mask. */
function isDeepInside(mask: AlphaMask, x: number, y: number, featherPx: number): boolean {
  const r = Math.ceil(featherPx + 1);
  for (let v = Math.max(0, y - r); v <= Math.min(mask.height - 1, y + r); v++) {
    for (let u = Math.max(0, x - r); u <= Math.min(mask.width - 1, x + r); u++) {
      if (Math.hypot(u - x, v - y) <= featherPx + 1 && mask.alpha[v * mask.width + u] !== 255) return false;
    }
  }
  return true;
}

/** The answer as the composite shows it: cover-cropped to the patch rectangle's aspect and resampled to its size. */
function expectedPatch(patch: RgbaImage, rect: Rect): RgbaImage {
  return resampleRgba(patch, rect.width, rect.height, coverCrop(patch.width, patch.height, rect.width, rect.height));
}

/** A filled image, made fast enough for 4096² (one 32-bit fill instead of a loop per pixel). */
function filledImage(width: number, height: number, [r, g, b, a]: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  new Uint32Array(data.buffer).fill(new Uint32Array(Uint8Array.of(r, g, b, a).buffer)[0]!);
  return { width, height, data };
}

const SIZE = 64;
const cases: [string, ShapeDescription, Rect, [number, number]][] = [
  // name, shape, patch rectangle, answer size
  [
    'a rotated ellipse',
    { kind: 'ellipse', cx: 30, cy: 34, rx: 20, ry: 9, rotation: 37 },
    { x: 4, y: 10, width: 52, height: 48 },
    [96, 88],
  ],
  [
    'a concave pen path',
    {
      kind: 'polygon',
      points: [
        [8, 8],
        [56, 10],
        [40, 30],
        [58, 56],
        [10, 50],
        [24, 30],
      ],
    },
    { x: 2, y: 2, width: 60, height: 60 },
    [40, 40],
  ],
  [
    'a path running off the top and left edges',
    {
      kind: 'polygon',
      points: [
        [-10, -10],
        [40, -6],
        [30, 20],
        [12, 34],
        [-8, 40],
      ],
    },
    { x: 0, y: 0, width: 48, height: 48 },
    [1024, 1024],
  ],
  [
    'a 1-px sliver',
    { kind: 'rectangle', x: 20.5, y: 4, width: 1, height: 50, rotation: 3 },
    { x: 5, y: 0, width: 32, height: 64 },
    [17, 33],
  ],
  [
    'a rectangle filling the frame',
    { kind: 'rectangle', x: 0, y: 0, width: 64, height: 64 },
    { x: 0, y: 0, width: 64, height: 64 },
    [64, 64],
  ],
];

describe('compositeThroughMask', () => {
  it.each(cases)(
    'keeps every pixel outside %s byte for byte, and shows the answer deep inside',
    (_name, shape, rect, [pw, ph]) => {
      for (const seed of [1, 2, 3]) {
        const source = randomImage(SIZE, SIZE, seed);
        const patch = randomImage(pw, ph, seed + 100, true);
        const mask = rasterizeShape(SIZE, SIZE, shape);
        const out = compositeThroughMask(source, patch, rect, mask, REGION_FEATHER_PX);
        const shown = expectedPatch(patch, rect);
        let outside = 0;
        let deep = 0;
        for (let y = 0; y < SIZE; y++) {
          for (let x = 0; x < SIZE; x++) {
            if (mask.alpha[y * SIZE + x] === 0) {
              outside++;
              expect(pixelAt(out, x, y)).toEqual(pixelAt(source, x, y));
            } else if (isDeepInside(mask, x, y, REGION_FEATHER_PX)) {
              deep++;
              expect(pixelAt(out, x, y)).toEqual(pixelAt(shown, x - rect.x, y - rect.y));
            }
          }
        }
        expect(outside + deep).toBeGreaterThan(0);
      }
    },
  );

  it('changes something inside every shape', () => {
    for (const [, shape, rect, [pw, ph]] of cases) {
      const source = createImage(SIZE, SIZE, [0, 0, 0, 255]);
      const out = compositeThroughMask(
        source,
        createImage(pw, ph, [255, 255, 255, 255]),
        rect,
        rasterizeShape(SIZE, SIZE, shape),
        2,
      );
      expect(out.data.some((v, i) => v !== source.data[i])).toBe(true);
    }
  });

  it('ramps monotonically from the edge inwards, and only inside the shape', () => {
    const mask = rasterizeShape(40, 20, { kind: 'rectangle', x: 8, y: 0, width: 24, height: 20 });
    const out = compositeThroughMask(
      createImage(40, 20, [0, 0, 0, 255]),
      createImage(10, 5, [255, 255, 255, 255]),
      { x: 0, y: 0, width: 40, height: 20 },
      mask,
      4,
    );
    const row = Array.from({ length: 40 }, (_, x) => pixelAt(out, x, 10)[0]);
    expect(row.slice(0, 8)).toEqual(Array(8).fill(0));
    expect(row.slice(8, 14)).toEqual([51, 102, 153, 204, 255, 255]);
    expect(row.slice(26, 32)).toEqual([255, 255, 204, 153, 102, 51]);
    expect(row.slice(32)).toEqual(Array(8).fill(0));
  });

  it('keeps mask pixels outside the patch rectangle as the source, feathering at the patch edge', () => {
    const mask = createMask(20, 4);
    mask.alpha.fill(255);
    const source = randomImage(20, 4, 5);
    const out = compositeThroughMask(
      source,
      createImage(4, 4, [9, 9, 9, 255]),
      { x: 8, y: 0, width: 4, height: 4 },
      mask,
      0,
    );
    for (let x = 0; x < 20; x++) {
      const inPatch = x >= 8 && x < 12;
      expect(pixelAt(out, x, 1)).toEqual(inPatch ? [9, 9, 9, 255] : pixelAt(source, x, 1));
    }
  });

  it('mixes premultiplied, so a transparent source does not darken the feathered edge', () => {
    const mask = createMask(9, 1);
    mask.alpha.fill(255, 1, 8);
    const out = compositeThroughMask(
      createImage(9, 1),
      createImage(9, 1, [255, 255, 255, 255]),
      { x: 0, y: 0, width: 9, height: 1 },
      mask,
      2,
    );
    expect(pixelAt(out, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixelAt(out, 1, 0)).toEqual([255, 255, 255, 85]);
    expect(pixelAt(out, 4, 0)).toEqual([255, 255, 255, 255]);
  });

  it('scales partial mask alpha into the weight', () => {
    const mask = createMask(1, 1);
    mask.alpha[0] = 51;
    const out = compositeThroughMask(
      createImage(1, 1, [0, 0, 0, 255]),
      createImage(1, 1, [255, 255, 255, 255]),
      { x: 0, y: 0, width: 1, height: 1 },
      mask,
      0,
    );
    expect(pixelAt(out, 0, 0)).toEqual([51, 51, 51, 255]);
  });

  it('returns an unchanged copy for an empty mask and leaves its inputs alone', () => {
    const source = randomImage(8, 8, 3);
    const before = source.data.slice();
    const out = compositeThroughMask(
      source,
      createImage(2, 2, [1, 2, 3, 255]),
      { x: 0, y: 0, width: 8, height: 8 },
      createMask(8, 8),
      4,
    );
    expect(out.data).toEqual(source.data);
    expect(out.data).not.toBe(source.data);
    expect(source.data).toEqual(before);
  });

  it('rejects a mask of another size and a patch rectangle outside the source', () => {
    const source = createImage(8, 8);
    const patch = createImage(2, 2);
    expect(() => compositeThroughMask(source, patch, { x: 0, y: 0, width: 8, height: 8 }, createMask(8, 7), 1)).toThrow(
      RangeError,
    );
    expect(() => compositeThroughMask(source, patch, { x: 4, y: 0, width: 8, height: 8 }, createMask(8, 8), 1)).toThrow(
      RangeError,
    );
    expect(() =>
      compositeThroughMask(source, patch, { x: 0, y: 0, width: 8, height: 8 }, createMask(8, 8), -1),
    ).toThrow(RangeError);
  });

  it('keeps every pixel where the mask is 0 byte for byte, for any images, mask and patch (property)', () => {
    const scene = fc
      .record({ width: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 12 }) })
      .chain(({ width, height }) =>
        fc.record({
          width: fc.constant(width),
          height: fc.constant(height),
          source: fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }),
          // Mostly 0 or 255, some partial: the edges that matter.
          mask: fc.array(fc.oneof(fc.constant(0), fc.constant(255), fc.integer({ min: 1, max: 254 })), {
            minLength: width * height,
            maxLength: width * height,
          }),
          rect: fc
            .record({ x: fc.integer({ min: 0, max: width - 1 }), y: fc.integer({ min: 0, max: height - 1 }) })
            .chain(({ x, y }) =>
              fc.record({
                x: fc.constant(x),
                y: fc.constant(y),
                width: fc.integer({ min: 1, max: width - x }),
                height: fc.integer({ min: 1, max: height - y }),
              }),
            ),
          patch: fc
            .record({ width: fc.integer({ min: 1, max: 10 }), height: fc.integer({ min: 1, max: 10 }) })
            .chain(({ width: pw, height: ph }) =>
              fc.record({
                width: fc.constant(pw),
                height: fc.constant(ph),
                data: fc.uint8Array({ minLength: pw * ph * 4, maxLength: pw * ph * 4 }),
              }),
            ),
          featherPx: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 6, noNaN: true })),
        }),
      );
    let runs = 0;
    fc.assert(
      fc.property(scene, ({ width, height, source, mask, rect, patch, featherPx }) => {
        runs++;
        const src = { width, height, data: source };
        const alpha: AlphaMask = { width, height, alpha: Uint8Array.from(mask) };
        const out = compositeThroughMask(src, patch, rect, alpha, featherPx);
        for (let i = 0; i < width * height; i++) {
          const inPatch =
            i % width >= rect.x &&
            i % width < rect.x + rect.width &&
            Math.floor(i / width) >= rect.y &&
            Math.floor(i / width) < rect.y + rect.height;
          if (alpha.alpha[i] === 0 || !inPatch) {
            for (let c = 0; c < 4; c++) if (out.data[i * 4 + c] !== source[i * 4 + c]) return false;
          }
        }
        return true;
      }),
      { numRuns: 600, seed: 20_261_125 },
    );
    expect(runs).toBeGreaterThanOrEqual(500);
  });

  it('composites a 4096×4096 frame through a rotated ellipse with a 4K answer wider than the patch', () => {
    const size = 4096;
    const source = filledImage(size, size, [30, 60, 90, 255]);
    const mask = rasterizeShape(
      size,
      size,
      { kind: 'ellipse', cx: 2048, cy: 2048, rx: 2000, ry: 1500, rotation: 20 },
      1,
    );
    const answer = filledImage(5504, 3072, [200, 100, 50, 255]);
    const rect = { x: 0, y: 848, width: 4096, height: 2304 };
    const bounds = maskBounds(mask)!;
    expect(bounds.height).toBeGreaterThan(2304); // the ellipse runs past the patch: feathered at the patch edge
    // How long this takes is measured by `npm run bench` (bench/composite.ts), not asserted here.
    const out = compositeThroughMask(source, answer, rect, mask, REGION_FEATHER_PX);
    expect(pixelAt(out, 2048, 2048)).toEqual([200, 100, 50, 255]);
    expect(pixelAt(out, 5, 5)).toEqual([30, 60, 90, 255]);
    expect(pixelAt(out, 2048, 600)).toEqual([30, 60, 90, 255]); // inside the ellipse but above the patch
  });
});
