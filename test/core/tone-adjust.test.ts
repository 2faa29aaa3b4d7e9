import { describe, expect, it } from 'vitest';
import { addFilters, adjustedProvenance, describeFilters, toneAdjustmentOf } from '../../core/tone-adjust.js';

describe('toneAdjustmentOf', () => {
  it.each([
    ['warmer', { temperature: 0.3 }],
    ['Make it warmer.', { temperature: 0.3 }],
    ['a bit cooler please', { temperature: -0.15 }],
    ['much brighter', { exposure: 0.6 }],
    ['darker', { exposure: -0.3 }],
    ['more contrast', { contrast: 0.3 }],
    ['increase the saturation', { saturation: 0.3 }],
    ['less saturated', { saturation: -0.3 }],
    ['muted', { saturation: -0.3 }],
    ['lift the shadows', { shadows: 0.3 }],
    ['tone down the highlights', { highlights: -0.3 }],
    ['slightly warmer, more contrast and a little darker', { temperature: 0.15, contrast: 0.3, exposure: -0.15 }],
    ['warmer and warmer and much warmer and much warmer', { temperature: 1 }],
    ['make the photo brighter overall', { exposure: 0.3 }],
  ])('reads %j as tone changes only', (instruction, filters) => {
    expect(toneAdjustmentOf(instruction)).toEqual(filters);
  });

  it.each([
    [''],
    ['add a hat'],
    ['warmer, and add a hat'],
    ['make the sky warmer'],
    ['put the bottle on a marble table'],
    ['more'],
    ['black and white'],
    ['warm sunset light behind the product'],
  ])('leaves %j to Gemini', (instruction) => {
    expect(toneAdjustmentOf(instruction)).toBeNull();
  });
});

describe('adding and describing filters', () => {
  it('adds to what the paint had, within −1…1, keeping filters it does not set', () => {
    expect(addFilters({ temperature: 0.9, tint: 0.2 } as never, { temperature: 0.3, contrast: -0.15 })).toEqual({
      temperature: 1,
      tint: 0.2,
      contrast: -0.15,
    });
    expect(addFilters(undefined, { exposure: -0.3 })).toEqual({ exposure: -0.3 });
  });

  it('describes the amounts in the order Figma lists them', () => {
    expect(describeFilters({ temperature: 0.3, exposure: -0.15 })).toBe('exposure −0.15, temperature +0.30');
  });

  it("keeps a model's provenance, and says a designer's own image is not AI-generated", () => {
    const provenance = { aiGenerated: true, model: 'gemini-3-pro-image', synthId: true };
    expect(adjustedProvenance({ provenance })).toEqual(provenance);
    expect(adjustedProvenance(null)).toEqual({ aiGenerated: false, model: 'figma-image-filters', synthId: false });
  });
});
