import { describe, expect, it } from 'vitest';
import type { Rect } from '../../core/aspect.js';
import { freeSpotNear } from '../../core/free-spot-near.js';
import { RESULT_GAP } from '../../core/placement.js';
import { overlapsWithGap } from '../../core/variant-layout.js';

const box = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
const size = { width: 200, height: 100 };
const centre = { x: 500, y: 500 };

describe('freeSpotNear', () => {
  const cases: [string, Rect[], { x: number; y: number }][] = [
    ['an empty page: centred on the view', [], { x: 400, y: 450 }],
    ['a layer far away does not move it', [box(2000, 2000, 100, 100)], { x: 400, y: 450 }],
    ['a layer exactly a gap away leaves it centred', [box(640, 450, 50, 50)], { x: 400, y: 450 }],
    // A 100×100 layer under the centre: below it (y 600 + 40) and above (400 − 40 − 100) are both 190 away; below wins.
    ['a layer under the centre: the nearest side, below on a tie', [box(450, 450, 100, 100)], { x: 400, y: 590 }],
    // A wide, short band (y 470–490): below it (y 530, 80 away) beats above (y 330, 120 away) and its far ends.
    ['a wide band across the view: the nearer side of it', [box(-1000, 470, 3000, 20)], { x: 400, y: 530 }],
    // A tall column: left or right of it; right (x 560 + 40) is 200 away, left (440 − 40 − 200) is 200 away too.
    ['a tall column under the centre: beside it, right on a tie', [box(440, -1000, 120, 3000)], { x: 600, y: 450 }],
    [
      'the view full of frames: the nearest gap between them',
      [box(0, 0, 1000, 420), box(0, 600, 1000, 400), box(-300, 0, 250, 1000)],
      // Between the two rows there are 180 units: just the box's 100 and a gap of 40 on each side.
      { x: 400, y: 460 },
    ],
  ];
  it.each(cases)('%s', (_name, obstacles, expected) => {
    const spot = freeSpotNear(centre, size, obstacles);
    expect(spot).toEqual(expected);
    for (const o of obstacles) expect(overlapsWithGap({ ...spot, ...size }, o, RESULT_GAP)).toBe(false);
  });

  it('never covers a layer, however crowded the page', () => {
    // A grid of 6×6 frames with gaps too small for the box: the answer is outside the grid, and free.
    const grid = Array.from({ length: 36 }, (_, i) => box((i % 6) * 150, Math.floor(i / 6) * 150, 120, 120));
    const spot = freeSpotNear({ x: 450, y: 450 }, size, grid);
    for (const o of grid) expect(overlapsWithGap({ ...spot, ...size }, o, RESULT_GAP)).toBe(false);
    // The nearest way out of a 870-wide grid centred on the view is about half of it.
    expect(Math.hypot(spot.x + 100 - 450, spot.y + 50 - 450)).toBeLessThan(700);
  });

  it('skips layers with a negative size (nothing to cover)', () => {
    expect(freeSpotNear(centre, size, [box(450, 450, -10, 100)])).toEqual({ x: 400, y: 450 });
  });
});
