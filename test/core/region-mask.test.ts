import { describe, expect, it } from 'vitest';
import { createImage } from '../../core/png.js';
import { alignShapeMask, shapeMaskOffset } from '../../core/align-shape-mask.js';
import { createMask, maskBounds } from '../../core/region-mask.js';
import { rasterizeShape, type ShapeDescription } from '../../core/region-shape.js';

describe('maskBounds', () => {
  it('is null for an empty mask', () => {
    expect(maskBounds(createMask(8, 8))).toBeNull();
  });

  it.each<[string, ShapeDescription, { x: number; y: number; width: number; height: number }]>([
    [
      'a rectangle on whole pixels',
      { kind: 'rectangle', x: 3, y: 4, width: 5, height: 2 },
      { x: 3, y: 4, width: 5, height: 2 },
    ],
    [
      'a rectangle on half pixels',
      { kind: 'rectangle', x: 2.5, y: 1.5, width: 3, height: 3 },
      { x: 2, y: 1, width: 4, height: 4 },
    ],
    ['an ellipse', { kind: 'ellipse', cx: 10, cy: 8, rx: 6, ry: 3 }, { x: 4, y: 5, width: 12, height: 6 }],
    [
      'an ellipse turned 90°',
      { kind: 'ellipse', cx: 10, cy: 8, rx: 6, ry: 3, rotation: 90 },
      { x: 7, y: 2, width: 6, height: 12 },
    ],
    [
      'a path running off two edges',
      {
        kind: 'polygon',
        points: [
          [-5, -5],
          [6, -5],
          [6, 3],
          [-5, 3],
        ],
      },
      { x: 0, y: 0, width: 6, height: 3 },
    ],
    ['a 1-px sliver', { kind: 'rectangle', x: 9, y: 0, width: 1, height: 16 }, { x: 9, y: 0, width: 1, height: 16 }],
  ])('holds %s', (_name, shape, expected) => {
    expect(maskBounds(rasterizeShape(20, 16, shape))).toEqual(expected);
  });
});

describe('rasterizeShape', () => {
  it('covers whole pixels of an axis-aligned rectangle fully and half pixels by half', () => {
    const mask = rasterizeShape(6, 3, { kind: 'rectangle', x: 1, y: 0, width: 3.5, height: 3 });
    expect(Array.from(mask.alpha.subarray(0, 6))).toEqual([0, 255, 255, 255, 128, 0]);
  });

  it('leaves the notch of a concave shape empty', () => {
    // A "C": outer 0..12, notch x 6..12, y 4..8.
    const mask = rasterizeShape(12, 12, {
      kind: 'polygon',
      points: [
        [0, 0],
        [12, 0],
        [12, 4],
        [6, 4],
        [6, 8],
        [12, 8],
        [12, 12],
        [0, 12],
      ],
    });
    expect(mask.alpha[6 * 12 + 9]).toBe(0);
    expect(mask.alpha[6 * 12 + 3]).toBe(255);
    expect(mask.alpha[2 * 12 + 9]).toBe(255);
  });

  it('turns a rectangle about its centre', () => {
    const turned = rasterizeShape(20, 20, { kind: 'rectangle', x: 4, y: 8, width: 12, height: 4, rotation: 90 });
    expect(maskBounds(turned)).toEqual({ x: 8, y: 4, width: 4, height: 12 });
    const diamond = rasterizeShape(20, 20, { kind: 'rectangle', x: 5, y: 5, width: 10, height: 10, rotation: 45 });
    expect(diamond.alpha[10 * 20 + 10]).toBe(255);
    expect(diamond.alpha[5 * 20 + 5]).toBe(0); // the unturned square's corner is outside the diamond
  });

  it('gives partial alpha on the edge of an ellipse and full alpha inside', () => {
    const mask = rasterizeShape(30, 30, { kind: 'ellipse', cx: 15, cy: 15, rx: 10, ry: 6, rotation: 30 });
    const values = new Set(mask.alpha);
    expect(values.has(255)).toBe(true);
    expect([...values].some((v) => v > 0 && v < 255)).toBe(true);
    expect(mask.alpha[15 * 30 + 15]).toBe(255);
  });
});

describe('shapeMaskOffset', () => {
  it.each([
    [{ x: 100, y: 200 }, { x: 150, y: 260 }, 2, { x: 100, y: 120 }],
    [{ x: 100, y: 200 }, { x: 90, y: 190 }, 1, { x: -10, y: -10 }],
    [{ x: 0, y: 0 }, { x: 10.3, y: 10.8 }, 2, { x: 21, y: 22 }],
    [{ x: 10, y: 10 }, { x: 20, y: 20 }, 1.5, { x: 15, y: 15 }],
  ])('%j, %j at %s× → %j', (source, shape, scale, expected) => {
    expect(shapeMaskOffset(source, shape, scale)).toEqual(expected);
  });

  it('rejects a scale that is not positive', () => {
    expect(() => shapeMaskOffset({ x: 0, y: 0 }, { x: 0, y: 0 }, 0)).toThrow(RangeError);
  });
});

describe('alignShapeMask', () => {
  const shape = createImage(4, 3, [0, 0, 0, 255]);

  it.each([
    // offset, expected bounds on a 10×8 grid
    [
      { x: 2, y: 3 },
      { x: 2, y: 3, width: 4, height: 3 },
    ],
    [
      { x: -2, y: -1 },
      { x: 0, y: 0, width: 2, height: 2 },
    ],
    [
      { x: 8, y: 6 },
      { x: 8, y: 6, width: 2, height: 2 },
    ],
  ])('places the shape at %j and drops what falls outside', (offset, bounds) => {
    const mask = alignShapeMask(shape, offset, 10, 8);
    expect([mask.width, mask.height]).toEqual([10, 8]);
    expect(maskBounds(mask)).toEqual(bounds);
  });

  it('is empty when the shape lies outside the source', () => {
    expect(maskBounds(alignShapeMask(shape, { x: 20, y: 0 }, 10, 8))).toBeNull();
    expect(maskBounds(alignShapeMask(createImage(4, 3), { x: 0, y: 0 }, 10, 8))).toBeNull();
  });

  it('makes a translucent fill mark the region fully and keeps the edge partial', () => {
    const translucent = createImage(3, 1, [255, 0, 0, 128]);
    translucent.data[3] = 32; // anti-aliased edge pixel
    translucent.data[11] = 0;
    const mask = alignShapeMask(translucent, { x: 0, y: 0 }, 3, 1);
    expect(Array.from(mask.alpha)).toEqual([64, 255, 0]);
  });
});
