import { describe, expect, it } from 'vitest';
import { regionOutline } from '../../core/region-outline.js';

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('regionOutline', () => {
  it.each([
    // name, shape, layer, → outline
    [
      'an ellipse on the product shot',
      { type: 'ELLIPSE', box: box(800, 150, 200, 200) },
      { box: box(640, 0, 600, 600) },
      { left: 160 / 600, top: 0.25, width: 1 / 3, height: 1 / 3, round: true },
    ],
    [
      'a rectangle running off the top-left',
      { type: 'RECTANGLE', box: box(-50, -20, 100, 40) },
      { box: box(0, 0, 200, 100) },
      { left: -0.25, top: -0.2, width: 0.5, height: 0.4, round: false },
    ],
  ])('%s', (_name, shape, layer, expected) => {
    const outline = regionOutline(shape, layer)!;
    expect(outline.round).toBe(expected.round);
    for (const key of ['left', 'top', 'width', 'height'] as const) expect(outline[key]).toBeCloseTo(expected[key]);
  });

  it('is null without boxes or for a layer with no area', () => {
    expect(regionOutline({ type: 'ELLIPSE' }, { box: box(0, 0, 10, 10) })).toBeNull();
    expect(regionOutline({ type: 'ELLIPSE', box: box(0, 0, 1, 1) }, {})).toBeNull();
    expect(regionOutline({ type: 'ELLIPSE', box: box(0, 0, 1, 1) }, { box: box(0, 0, 0, 10) })).toBeNull();
  });
});
