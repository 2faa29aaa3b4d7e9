import { describe, expect, it } from 'vitest';
import { MAX_FIGMA_IMAGE_SIDE } from '../../core/export-plan.js';
import { fitResultPlan } from '../../core/result-fit.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();

/**
 * Every answer size Google tables (docs/gemini-platform.md#output-pixel-sizes), as config/models.json lists it for each
 * model.
 */
const answers = registry.models.flatMap((model) =>
  Object.entries(model.dimensions).flatMap(([size, table]) =>
    Object.entries(table).map(([ratio, [w, h]]) => ({ label: `${model.id} ${size} ${ratio}`, w, h })),
  ),
);

/** Frames in points: phone, post, story, desktop, banner, tall page, odd sizes, and larger than 4096. */
const frames: [number, number][] = [
  [375, 812],
  [1080, 1350],
  [1080, 1920],
  [1440, 1024],
  [1920, 1080],
  [1200, 300],
  [750, 6000],
  [333.5, 333.5],
  [100, 100],
  [4096, 4096],
  [8000, 2000],
];
const scales = [0.5, 1, 2, 3];

/** |a/b − c/d| measured as pixels on the short side of a×b. */
function ratioErrorPx(w: number, h: number, fw: number, fh: number): number {
  return fw >= fh ? Math.abs(h - (w * fh) / fw) : Math.abs(w - (h * fw) / fh);
}

describe('fitResultPlan', () => {
  it.each(answers)('fits $label ($w×$h) to every frame at every scale', ({ w, h }) => {
    for (const [fw, fh] of frames) {
      for (const scale of scales) {
        const plan = fitResultPlan(w, h, fw, fh, scale);
        const { crop } = plan;
        // The crop lies inside the answer and has the frame's ratio (cover, never stretched).
        expect(crop.x).toBeGreaterThanOrEqual(0);
        expect(crop.y).toBeGreaterThanOrEqual(0);
        expect(crop.x + crop.width).toBeLessThanOrEqual(w);
        expect(crop.y + crop.height).toBeLessThanOrEqual(h);
        expect(crop.width === w || crop.height === h).toBe(true);
        expect(ratioErrorPx(crop.width, crop.height, fw, fh)).toBeLessThanOrEqual(1);
        // Centred: at most half a pixel off.
        expect(Math.abs(crop.x * 2 + crop.width - w)).toBeLessThanOrEqual(1);
        expect(Math.abs(crop.y * 2 + crop.height - h)).toBeLessThanOrEqual(1);
        // The output keeps the ratio, fits Figma, and is never upscaled beyond the crop or the frame's need.
        expect(ratioErrorPx(plan.width, plan.height, fw, fh)).toBeLessThanOrEqual(1);
        expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(MAX_FIGMA_IMAGE_SIDE);
        expect(plan.width).toBeLessThanOrEqual(crop.width);
        expect(plan.height).toBeLessThanOrEqual(crop.height);
        expect(plan.width).toBeLessThanOrEqual(Math.round(fw * scale));
        expect(plan.height).toBeLessThanOrEqual(Math.round(fh * scale));
        // …and as large as those limits allow.
        const limit = Math.min(scale, crop.width / fw, crop.height / fh, MAX_FIGMA_IMAGE_SIDE / Math.max(fw, fh));
        expect(plan.pixelScale).toBeCloseTo(limit, 12);
        expect(Math.abs(plan.width - fw * limit)).toBeLessThanOrEqual(1);
        expect(Math.abs(plan.height - fh * limit)).toBeLessThanOrEqual(1);
      }
    }
  });

  it.each([
    // answer, frame, scale, expected
    [[1856, 2304], [1080, 1350], 2, { crop: { x: 6, y: 0, width: 1843, height: 2304 }, width: 1843, height: 2304 }],
    [[3712, 4608], [1080, 1350], 2, { crop: { x: 13, y: 0, width: 3686, height: 4608 }, width: 2160, height: 2700 }],
    [[5504, 3072], [1920, 1080], 2, { crop: { x: 21, y: 0, width: 5461, height: 3072 }, width: 3840, height: 2160 }],
    [[5504, 3072], [1920, 1080], 3, { crop: { x: 21, y: 0, width: 5461, height: 3072 }, width: 4096, height: 2304 }],
    [[1536, 12288], [750, 6000], 3, { crop: { x: 0, y: 0, width: 1536, height: 12288 }, width: 512, height: 4096 }],
    [[1024, 1024], [375, 812], 2, { crop: { x: 275, y: 0, width: 473, height: 1024 }, width: 473, height: 1024 }],
  ] as const)('%j onto a %j frame at %s× → %j', ([w, h], [fw, fh], scale, expected) => {
    expect(fitResultPlan(w, h, fw, fh, scale)).toMatchObject(expected);
  });

  it('keeps at least one pixel of a frame thinner than a pixel of the answer', () => {
    const plan = fitResultPlan(1024, 1024, 10_000, 1, 1);
    expect(plan.crop).toEqual({ x: 0, y: 511, width: 1024, height: 1 });
    expect([plan.width, plan.height]).toEqual([1024, 1]);
  });

  it('rejects sizes and scales that are not positive', () => {
    expect(() => fitResultPlan(0, 10, 10, 10, 1)).toThrow(RangeError);
    expect(() => fitResultPlan(10, 10, 10, 10, 0)).toThrow(RangeError);
    expect(() => fitResultPlan(10, 10, Number.NaN, 10, 1)).toThrow(RangeError);
  });
});
