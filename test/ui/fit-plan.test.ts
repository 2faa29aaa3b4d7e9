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

describe('planFit with the frame’s export scale (core/result-fit.ts)', () => {
  it.each<[string, number, number, TargetSize, FitPlan]>([
    [
      '2K for a 1080 × 1350 frame at 2×: cropped to 4:5, not upscaled',
      1856,
      2304,
      { width: 1080, height: 1350, scale: 2 },
      { crop: { x: 6, y: 0, width: 1843, height: 2304 }, width: 1843, height: 2304 },
    ],
    [
      '4K for a small frame at 1×: no larger than the frame needs',
      3712,
      4608,
      { width: 400, height: 500, scale: 1 },
      { crop: { x: 13, y: 0, width: 3686, height: 4608 }, width: 400, height: 500 },
    ],
    [
      '4K 16:9 for 1920 × 1080 at 3×: within 4096',
      5504,
      3072,
      { width: 1920, height: 1080, scale: 3 },
      { crop: { x: 21, y: 0, width: 5461, height: 3072 }, width: 4096, height: 2304 },
    ],
  ])('%s', (_name, w, h, target, expected) => {
    expect(planFit(w, h, target)).toEqual(expected);
  });
});
