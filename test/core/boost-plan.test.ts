/** Boost resolution's plan (core/boost-plan.ts): the sizes that add pixels, before → after, and the refusal. */
import { describe, expect, it } from 'vitest';
import { planBoost } from '../../core/boost-plan.js';
import { findModel } from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();
const nano = findModel(registry, 'gemini-nano-banana-2.1')!;
const flash25 = registry.models.find((m) => m.imageSizes.length === 0)!;

describe('planBoost', () => {
  it('offers 2K and 4K for a 1024 px square, the largest by default', () => {
    const plan = planBoost(
      { name: 'Photo', points: { width: 512, height: 512 }, before: { width: 1024, height: 1024 } },
      nano,
      null,
    );
    expect(plan.ok && plan.value.options).toEqual([
      { imageSize: '2K', after: { width: 2048, height: 2048 } },
      { imageSize: '4K', after: { width: 4096, height: 4096 } },
    ]);
    expect(plan.ok && plan.value.chosen.imageSize).toBe('4K');
  });

  it('crops a 4K 16:9 answer to the layer and keeps it within 4096 px', () => {
    const plan = planBoost(
      { name: 'Hero', points: { width: 1600, height: 900 }, before: { width: 1376, height: 768 } },
      nano,
      '4K',
    );
    expect(plan.ok && plan.value).toMatchObject({
      aspectRatio: '16:9',
      chosen: { after: { width: 4096, height: 2304 } },
    });
  });

  it('offers only the sizes that add pixels', () => {
    const plan = planBoost(
      { name: 'Photo', points: { width: 1000, height: 1000 }, before: { width: 2048, height: 2048 } },
      nano,
      '2K',
    );
    expect(plan.ok && plan.value.options.map((o) => o.imageSize)).toEqual(['4K']);
    expect(plan.ok && plan.value.chosen.imageSize).toBe('4K');
  });

  it('refuses an image already at the model’s maximum, saying so', () => {
    const top = planBoost(
      { name: 'Photo', points: { width: 1024, height: 1024 }, before: { width: 4096, height: 4096 } },
      nano,
      null,
    );
    expect(!top.ok && top.error.message).toBe(
      'Photo is already 4096×4096 px: the most this model draws for it (4K) within Figma’s 4096 px. There is nothing to boost.',
    );
    const oneK = planBoost(
      { name: 'Photo', points: { width: 512, height: 512 }, before: { width: 512, height: 512 } },
      flash25,
      null,
    );
    expect(oneK.ok).toBe(false);
  });
});
