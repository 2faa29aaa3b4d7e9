/** Expand's plan in points (core/expand-plan.ts): the canvas, the original's place, the call, and the refusals. */
import { describe, expect, it } from 'vitest';
import { expandCanvas, planExpand, sentCanvas } from '../../core/expand-plan.js';
import { findModel } from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();
const nano = findModel(registry, 'gemini-nano-banana-2.1')!;
const pro = findModel(registry, 'gemini-3-pro-image')!;
const flash25 = registry.models.find((m) => m.imageSizes.length <= 1)!;

describe('expandCanvas', () => {
  it('grows a square to 16:9 around it, centred', () => {
    const placed = expandCanvas({ width: 600, height: 600 }, { kind: 'ratio', ratio: '16:9' });
    expect(placed).toEqual({
      ok: true,
      value: { canvas: { width: 1066.67, height: 600 }, original: { x: 233.34, y: 0, width: 600, height: 600 } },
    });
  });

  it('grows 25% all round, and takes a typed size', () => {
    const grown = expandCanvas({ width: 400, height: 200 }, { kind: 'grow', percent: 25 });
    expect(grown.ok && grown.value).toEqual({
      canvas: { width: 500, height: 250 },
      original: { x: 50, y: 25, width: 400, height: 200 },
    });
    const typed = expandCanvas({ width: 400, height: 200 }, { kind: 'size', width: 400, height: 300 });
    expect(typed.ok && typed.value.original).toEqual({ x: 0, y: 50, width: 400, height: 200 });
  });

  it('reads a frame drawn around the image: the original keeps its place in it', () => {
    const placed = expandCanvas(
      { width: 100, height: 100 },
      {
        kind: 'frame',
        frame: { x: 0, y: 0, width: 300, height: 200 },
        image: { x: 20, y: 50, width: 100, height: 100 },
      },
    );
    expect(placed.ok && placed.value.original).toEqual({ x: 20, y: 50, width: 100, height: 100 });
  });

  it('refuses what is no expansion, with what to do', () => {
    const same = expandCanvas({ width: 1600, height: 900 }, { kind: 'ratio', ratio: '16:9' });
    expect(!same.ok && same.error.message).toBe('The image is already 16:9.');
    const smaller = expandCanvas({ width: 400, height: 200 }, { kind: 'size', width: 500, height: 150 });
    expect(!smaller.ok && smaller.error.message).toMatch(/at least the image’s on both sides.*Type a larger size/);
    const outside = expandCanvas(
      { width: 100, height: 100 },
      {
        kind: 'frame',
        frame: { x: 0, y: 0, width: 300, height: 200 },
        image: { x: 250, y: 50, width: 100, height: 100 },
      },
    );
    expect(!outside.ok && outside.error.message).toMatch(/around the whole image/);
  });
});

describe('planExpand', () => {
  it('keeps the export scale while the canvas fits 4096 px, and asks for the ratio and the size that covers it', () => {
    const plan = planExpand({ width: 600, height: 600, exportScale: 2 }, { kind: 'ratio', ratio: '16:9' }, nano);
    expect(plan.ok && plan.value).toMatchObject({ scale: 2, aspectRatio: '16:9', imageSize: '2K', calls: 1 });
  });

  it('lowers the scale so the canvas stays within 4096 px a side', () => {
    const plan = planExpand({ width: 2000, height: 2000, exportScale: 2 }, { kind: 'ratio', ratio: '16:9' }, nano);
    expect(plan.ok && plan.value.scale).toBeCloseTo(4096 / 3555.56, 4);
    expect(plan.ok && plan.value.imageSize).toBe('4K');
  });

  it('grows a 4:1 strip to 21:9 on a model without 4:1, one call', () => {
    const plan = planExpand({ width: 500, height: 500, exportScale: 2 }, { kind: 'ratio', ratio: '4:1' }, pro);
    expect(plan.ok && plan.value).toMatchObject({ aspectRatio: '21:9', calls: 1 });
    expect(sentCanvas(4000, 1000, '21:9')).toEqual({ width: 4000, height: 1714 });
  });

  it('refuses a canvas one call cannot cover, saying what to do', () => {
    const plan = planExpand({ width: 1000, height: 1000, exportScale: 2 }, { kind: 'ratio', ratio: '16:9' }, flash25);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error.message).toMatch(/more than one Gemini call.*Expand in two steps/);
  });
});
