import { describe, expect, it } from 'vitest';
import { parseRatio, type Rect } from '../../core/aspect.js';
import { findModel, sizesOf, tabledPixels, type ModelInfo } from '../../core/models.js';
import { planRegionCrop, type RegionCropPlan } from '../../core/region-crop.js';
import { loadRegistry } from '../support/registry.js';
import { seededRandom } from './region-test-images.js';

const registry = loadRegistry();
const flash25 = findModel(registry, 'gemini-2.5-flash-image')!;
const pro3 = findModel(registry, 'gemini-3-pro-image')!;
const flash31 = findModel(registry, 'gemini-3.1-flash-image')!;

function planOf(frameW: number, frameH: number, region: Rect, model: ModelInfo): RegionCropPlan {
  const result = planRegionCrop(frameW, frameH, region, model);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What every plan must satisfy, whatever the inputs. */
function expectSoundPlan(plan: RegionCropPlan, frameW: number, frameH: number, model: ModelInfo): void {
  const { crop, region } = plan;
  for (const v of [crop.x, crop.y, crop.width, crop.height]) expect(Number.isInteger(v)).toBe(true);
  // Inside the frame, and holding the whole region.
  expect(crop.x).toBeGreaterThanOrEqual(0);
  expect(crop.y).toBeGreaterThanOrEqual(0);
  expect(crop.x + crop.width).toBeLessThanOrEqual(frameW);
  expect(crop.y + crop.height).toBeLessThanOrEqual(frameH);
  expect(crop.x).toBeLessThanOrEqual(region.x);
  expect(crop.y).toBeLessThanOrEqual(region.y);
  expect(crop.x + crop.width).toBeGreaterThanOrEqual(region.x + region.width);
  expect(crop.y + crop.height).toBeGreaterThanOrEqual(region.y + region.height);
  // A ratio and size the model offers; the crop has that ratio to within a pixel on its short side.
  expect(model.aspectRatios).toContain(plan.aspectRatio);
  expect(sizesOf(model)).toContain(plan.imageSize);
  const r = parseRatio(plan.aspectRatio)!;
  if (plan.ratioExact) {
    if (r >= 1) expect(Math.abs(crop.height - crop.width / r)).toBeLessThanOrEqual(1);
    else expect(Math.abs(crop.width - crop.height * r)).toBeLessThanOrEqual(1);
  }
  // The crop is sent as it is or smaller, never beyond the output's long side.
  const [ow, oh] = tabledPixels(model, plan.imageSize, plan.aspectRatio)!;
  expect(plan.send.width).toBeLessThanOrEqual(crop.width);
  expect(plan.send.height).toBeLessThanOrEqual(crop.height);
  expect(Math.max(plan.send.width, plan.send.height)).toBeLessThanOrEqual(Math.max(ow, oh));
  // A scene reference exactly when the crop is under a quarter of the frame, at most 1024 px, never upscaled.
  expect(plan.scene !== null).toBe(crop.width * crop.height < 0.25 * frameW * frameH);
  if (plan.scene) {
    expect(Math.max(plan.scene.width, plan.scene.height)).toBe(Math.min(1024, Math.max(frameW, frameH)));
  }
}

describe('planRegionCrop', () => {
  it.each<[string, [number, number], Rect, ModelInfo, Partial<RegionCropPlan>]>([
    [
      'a small region in a corner: padding clipped by the frame, 1:1, with a scene reference',
      [2160, 2700],
      { x: 20, y: 30, width: 100, height: 80 },
      pro3,
      {
        crop: { x: 0, y: 0, width: 152, height: 152 },
        aspectRatio: '1:1',
        imageSize: '1K',
        scene: { width: 819, height: 1024 },
      },
    ],
    [
      'a region touching the right edge: shifted left, not shrunk',
      [2160, 2700],
      { x: 2000, y: 1000, width: 160, height: 400 },
      pro3,
      { crop: { x: 1822, y: 900, width: 338, height: 600 }, aspectRatio: '9:16' },
    ],
    [
      'a region touching the bottom edge',
      [1920, 1080],
      { x: 500, y: 900, width: 600, height: 180 },
      flash25,
      { crop: { x: 350, y: 694, width: 900, height: 386 }, aspectRatio: '21:9', imageSize: '1K' },
    ],
    [
      'a strip along the top edge, on the model with 8:1',
      [1920, 1080],
      { x: 0, y: 0, width: 1920, height: 100 },
      flash31,
      {
        crop: { x: 0, y: 0, width: 1920, height: 240 },
        aspectRatio: '8:1',
        imageSize: '512',
        send: { width: 1536, height: 192 },
      },
    ],
    [
      'a strip along the left edge',
      [1000, 1000],
      { x: 0, y: 200, width: 60, height: 600 },
      flash31,
      { crop: { x: 0, y: 50, width: 113, height: 900 }, aspectRatio: '1:8', ratioExact: true },
    ],
    [
      'a region in a banner too short for the nearest ratio: the best ratio that fits',
      [1000, 300],
      { x: 250, y: 25, width: 500, height: 250 },
      flash25,
      { crop: { x: 150, y: 0, width: 700, height: 300 }, aspectRatio: '21:9', ratioExact: true, scene: null },
    ],
    [
      'a region in a tall frame',
      [750, 6000],
      { x: 100, y: 2000, width: 500, height: 300 },
      flash31,
      { crop: { x: 0, y: 1909, width: 725, height: 483 }, aspectRatio: '3:2', scene: { width: 128, height: 1024 } },
    ],
    [
      'a whole tall frame on the model with 1:8',
      [750, 6000],
      { x: 0, y: 0, width: 750, height: 6000 },
      flash31,
      { crop: { x: 0, y: 0, width: 750, height: 6000 }, aspectRatio: '1:8', imageSize: '2K', ratioExact: true },
    ],
    [
      'a region taller than any ratio allows: the padded region, inexact',
      [750, 6000],
      { x: 0, y: 0, width: 750, height: 6000 },
      flash25,
      { crop: { x: 0, y: 0, width: 750, height: 6000 }, aspectRatio: '9:16', ratioExact: false, scene: null },
    ],
    [
      'a banner region wider than any ratio allows',
      [3000, 300],
      { x: 0, y: 0, width: 3000, height: 300 },
      pro3,
      { crop: { x: 0, y: 0, width: 3000, height: 300 }, aspectRatio: '21:9', ratioExact: false },
    ],
    [
      'a 1-px sliver',
      [1000, 1000],
      { x: 500, y: 100, width: 1, height: 800 },
      pro3,
      { crop: { x: 219, y: 0, width: 563, height: 1000 }, aspectRatio: '9:16', scene: null },
    ],
    [
      'a large region: the whole 4K frame at 1:1',
      [4096, 4096],
      { x: 100, y: 100, width: 3000, height: 3500 },
      pro3,
      { crop: { x: 0, y: 0, width: 4096, height: 4096 }, aspectRatio: '1:1', imageSize: '4K', scene: null },
    ],
    [
      'fractional region bounds are widened to whole pixels',
      [1000, 1000],
      { x: 400.5, y: 400.5, width: 99, height: 99 },
      pro3,
      { region: { x: 400, y: 400, width: 100, height: 100 }, crop: { x: 368, y: 368, width: 164, height: 164 } },
    ],
  ])('%s', (_name, [w, h], region, model, expected) => {
    const plan = planOf(w, h, region, model);
    expect(plan).toMatchObject(expected);
    expectSoundPlan(plan, w, h, model);
  });

  it('keeps the padding and the nearest ratio when there is room', () => {
    // 200×100 region, padded by 50×32 → 300×164 (ratio 1.83) → 16:9 → 300×169 (about 168.75).
    const plan = planOf(2000, 2000, { x: 900, y: 900, width: 200, height: 100 }, pro3);
    expect(plan.aspectRatio).toBe('16:9');
    expect(plan.crop).toEqual({ x: 850, y: 866, width: 300, height: 169 });
  });

  it('holds only the region inside the frame when the shape runs off it', () => {
    const plan = planOf(1000, 800, { x: -50, y: 700, width: 200, height: 300 }, flash31);
    expect(plan.region).toEqual({ x: 0, y: 700, width: 150, height: 100 });
    expectSoundPlan(plan, 1000, 800, flash31);
  });

  it('fails with a message when the region misses the frame', () => {
    const result = planRegionCrop(1000, 1000, { x: 1200, y: 100, width: 10, height: 10 }, pro3);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('sends no scene reference to a model that takes one image', () => {
    const plan = planRegionCrop(2000, 2000, { x: 10, y: 10, width: 50, height: 50 }, { ...pro3, maxInputImages: 1 });
    expect(plan.ok && plan.value.scene).toBeNull();
  });

  it('takes its padding and scene rules from the options', () => {
    const plan = planOf(2000, 2000, { x: 900, y: 900, width: 200, height: 200 }, pro3);
    expect(plan.crop.width).toBe(300);
    const result = planRegionCrop(2000, 2000, { x: 900, y: 900, width: 200, height: 200 }, pro3, {
      paddingFraction: 0,
      minPaddingPx: 0,
      sceneAreaFraction: 0.001,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { crop: { x: 900, y: 900, width: 200, height: 200 }, scene: null },
    });
  });

  it('makes sound plans for random regions in random frames, on every model', () => {
    const random = seededRandom(42);
    for (const model of registry.models) {
      for (let i = 0; i < 400; i++) {
        const w = 16 + Math.floor(random() * 4080);
        const h = 16 + Math.floor(random() * 4080);
        const rw = 1 + Math.floor(random() * random() * w);
        const rh = 1 + Math.floor(random() * random() * h);
        const region = {
          x: Math.floor(random() * (w - rw + 1)),
          y: Math.floor(random() * (h - rh + 1)),
          width: rw,
          height: rh,
        };
        expectSoundPlan(planOf(w, h, region, model), w, h, model);
      }
    }
  });
});
