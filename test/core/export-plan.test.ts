import { describe, expect, it } from 'vitest';
import { exportConstraint, thumbnailConstraint, type ExportConstraint } from '../../core/export-plan.js';

describe('exportConstraint', () => {
  const cases: [number, number, number, ExportConstraint][] = [
    [400, 500, 1200, { type: 'SCALE', value: 1 }],
    [1200, 1200, 1200, { type: 'SCALE', value: 1 }],
    [3000, 2000, 1376, { type: 'WIDTH', value: 1376 }],
    [2000, 3000, 1376, { type: 'HEIGHT', value: 1376 }],
    [9000, 9000, 8192, { type: 'WIDTH', value: 4096 }],
    [5000, 100, 99_999, { type: 'WIDTH', value: 4096 }],
    [100, 100, 0, { type: 'WIDTH', value: 1 }],
  ];
  it.each(cases)('%i × %i within %i → %j', (w, h, max, expected) => {
    expect(exportConstraint(w, h, max)).toEqual(expected);
  });
});

describe('thumbnailConstraint fits 160 × 96', () => {
  const cases: [number, number, ExportConstraint][] = [
    [1600, 900, { type: 'WIDTH', value: 160 }],
    [400, 500, { type: 'HEIGHT', value: 96 }],
    [160, 96, { type: 'HEIGHT', value: 96 }],
    [10_000, 10, { type: 'WIDTH', value: 160 }],
  ];
  it.each(cases)('%i × %i → %j', (w, h, expected) => {
    const constraint = thumbnailConstraint(w, h);
    expect(constraint).toEqual(expected);
    const scale = constraint.value / (constraint.type === 'WIDTH' ? w : h);
    expect(Math.round(w * scale)).toBeLessThanOrEqual(160);
    expect(Math.round(h * scale)).toBeLessThanOrEqual(96);
  });
});
