import { describe, expect, it } from 'vitest';
import type { Rect } from '../../core/aspect.js';
import { branchSpot, centredAt, firstFreeX, firstFreeY, RESULT_GAP } from '../../core/placement.js';

const source: Rect = { x: 0, y: 0, width: 100, height: 200 };
const box = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

describe('firstFreeX', () => {
  const cases: [string, Rect[], number][] = [
    ['no siblings: one gap to the right', [], 140],
    ['a sibling far to the right does not block', [box(400, 0, 50, 50)], 140],
    ['a sibling above the row does not block', [box(140, -300, 100, 299)], 140],
    ['a sibling below the row does not block', [box(140, 200, 100, 100)], 140],
    ['a sibling to the left does not block', [box(-500, 0, 100, 200)], 140],
    ['a sibling in the way pushes it past, with a gap', [box(150, 50, 100, 20)], 290],
    ['a sibling too close on the right pushes it past', [box(260, 0, 10, 10)], 310],
    ['a sibling exactly a gap away leaves room', [box(280, 0, 10, 10)], 140],
    ['a chain of siblings is skipped', [box(140, 0, 100, 100), box(280, 150, 100, 100), box(420, 10, 10, 10)], 470],
    ['unsorted siblings are handled', [box(420, 10, 10, 10), box(280, 150, 100, 100), box(140, 0, 100, 100)], 470],
    ['a gap too narrow between siblings is skipped', [box(140, 0, 50, 50), box(300, 0, 50, 50)], 390],
    ['a gap wide enough between siblings is used', [box(140, 0, 50, 50), box(370, 0, 50, 50)], 230],
  ];
  it.each(cases)('%s', (_name, siblings, expected) => {
    const x = firstFreeX(source, siblings);
    expect(x).toBe(expected);
    // Whatever it returns, the result box overlaps nothing in its row.
    for (const s of siblings) {
      const sharesRow = s.y < source.y + source.height && s.y + s.height > source.y;
      if (sharesRow) expect(x + source.width <= s.x || x >= s.x + s.width).toBe(true);
    }
  });

  it('uses the result size when it differs from the anchor', () => {
    // A tall result reaches a sibling below the anchor's own row.
    expect(firstFreeX(source, [box(140, 250, 100, 100)], { width: 100, height: 300 })).toBe(280);
  });

  it('takes a custom gap', () => {
    expect(firstFreeX(source, [], source, 8)).toBe(108);
    expect(RESULT_GAP).toBe(40);
  });
});

describe('centredAt', () => {
  const cases: [{ x: number; y: number }, number, number, { x: number; y: number }][] = [
    [{ x: 0, y: 0 }, 100, 50, { x: -50, y: -25 }],
    [{ x: 500, y: 300 }, 1024, 1024, { x: -12, y: -212 }],
    [{ x: 10.4, y: 10.6 }, 1, 1, { x: 10, y: 10 }],
  ];
  it.each(cases)('%j, %i × %i → %j', (center, width, height, expected) => {
    expect(centredAt(center, width, height)).toEqual(expected);
  });
});

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('firstFreeY', () => {
  const size = { width: 100, height: 100 };
  const cases: [string, Rect[], number][] = [
    ['nothing in the column', [], 0],
    ['a layer right of the column does not block', [box(200, 0, 50, 50)], 0],
    ['a layer in the way pushes it below, with a gap', [box(50, 20, 10, 10)], 70],
    ['a layer too close below pushes it past', [box(0, 120, 10, 10)], 170],
    ['a layer exactly a gap below leaves room', [box(0, 140, 10, 10)], 0],
    ['a stack of layers is skipped', [box(0, 0, 10, 100), box(60, 140, 10, 100)], 280],
  ];
  it.each(cases)('%s', (_name, obstacles, expected) => {
    const y = firstFreeY({ x: 0, y: 0 }, size, obstacles);
    expect(y).toBe(expected);
    for (const o of obstacles) expect(overlaps({ x: 0, y, ...size }, o)).toBe(false);
  });
});

describe('branchSpot', () => {
  // The parent layer at the origin, 100 × 200; its first result went right of it at x 140.
  const anchor = box(0, 0, 100, 200);
  const size = { width: 100, height: 200 };
  const first = box(140, 0, 100, 200);
  const cases: [string, Rect[], Rect[], Rect[], { x: number; y: number }][] = [
    ['no branch yet: right of the parent', [], [], [], { x: 140, y: 0 }],
    ['no branch yet, a layer in the way: further right', [], [], [box(150, 10, 50, 50)], { x: 240, y: 0 }],
    ['a second branch: below the first, same column', [first], [first], [first], { x: 140, y: 240 }],
    [
      'below the whole line the first branch grew into',
      [first],
      [first, box(280, 0, 100, 200), box(280, 240, 100, 200)],
      [first, box(280, 0, 100, 200), box(280, 240, 100, 200)],
      { x: 140, y: 480 },
    ],
    [
      'a third branch: below the second',
      [first, box(140, 240, 100, 200)],
      [first, box(140, 240, 100, 200)],
      [first, box(140, 240, 100, 200)],
      { x: 140, y: 480 },
    ],
    [
      'another layer below the branches: further down',
      [first],
      [first],
      [first, box(150, 300, 20, 20)],
      { x: 140, y: 360 },
    ],
    [
      'a first branch moved right by an obstacle sets the column',
      [box(300, 0, 100, 200)],
      [box(300, 0, 100, 200)],
      [box(300, 0, 100, 200), box(150, 10, 50, 50)],
      { x: 300, y: 240 },
    ],
  ];
  it.each(cases)('%s', (_name, branches, subtree, obstacles, expected) => {
    const spot = branchSpot(anchor, size, branches, subtree, obstacles);
    expect(spot).toEqual(expected);
    const placed = { ...spot, ...size };
    for (const o of [anchor, ...obstacles]) expect(overlaps(placed, o), JSON.stringify(o)).toBe(false);
  });
});
