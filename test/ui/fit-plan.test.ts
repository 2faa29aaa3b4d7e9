import { describe, expect, it } from 'vitest';
import { isIdentityPlan, planFit, type FitPlan, type TargetSize } from '../../ui/image/fit-plan.js';

describe('planFit', () => {
  const cases: [string, number, number, TargetSize | null, FitPlan][] = [
    [
      'text-to-image keeps the image',
      1024,
      1024,
      null,
      { crop: { x: 0, y: 0, width: 1024, height: 1024 }, width: 1024, height: 1024 },
    ],
    [
      'text-to-image over 4096 is scaled down',
      5504,
      3072,
      null,
      { crop: { x: 0, y: 0, width: 5504, height: 3072 }, width: 4096, height: 2286 },
    ],
    [
      'same aspect: no crop',
      928,
      1152,
      { width: 464, height: 576 },
      { crop: { x: 0, y: 0, width: 928, height: 1152 }, width: 928, height: 1152 },
    ],
    [
      'wider image: sides cropped',
      1376,
      768,
      { width: 400, height: 300 },
      { crop: { x: 176, y: 0, width: 1024, height: 768 }, width: 1024, height: 768 },
    ],
    [
      'taller image: top and bottom cropped',
      896,
      1200,
      { width: 400, height: 400 },
      { crop: { x: 0, y: 152, width: 896, height: 896 }, width: 896, height: 896 },
    ],
    [
      '4K crop over 4096 is scaled down',
      4800,
      3584,
      { width: 1000, height: 500 },
      { crop: { x: 0, y: 592, width: 4800, height: 2400 }, width: 4096, height: 2048 },
    ],
  ];
  it.each(cases)('%s', (_name, w, h, target, expected) => {
    const plan = planFit(w, h, target);
    expect(plan).toEqual(expected);
    expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(4096);
    if (target) expect(plan.width / plan.height).toBeCloseTo(target.width / target.height, 2);
  });
});

describe('isIdentityPlan', () => {
  it('is true only when nothing is cropped or scaled', () => {
    expect(isIdentityPlan(planFit(1024, 1024, null), 1024, 1024)).toBe(true);
    expect(isIdentityPlan(planFit(1024, 1024, { width: 2, height: 1 }), 1024, 1024)).toBe(false);
    expect(isIdentityPlan(planFit(5000, 100, null), 5000, 100)).toBe(false);
  });
});
