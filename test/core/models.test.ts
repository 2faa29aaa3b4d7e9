import { describe, expect, it } from 'vitest';
import {
  costUsd,
  findModel,
  parseModelRegistry,
  pricePerImageUsd,
  sizesOf,
  tabledPixels,
  type ModelRegistry,
} from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();

describe('config/models.json', () => {
  it('offers the three Nano Banana models with the default among them', () => {
    expect(registry.models.map((m) => m.id)).toEqual([
      'gemini-2.5-flash-image',
      'gemini-3-pro-image',
      'gemini-3.1-flash-image',
    ]);
    expect(findModel(registry, registry.defaultModel)).not.toBeNull();
  });

  it.each([
    // model, size, ratio, tabled pixels (gemini-api.md §1.3)
    ['gemini-2.5-flash-image', '1K', '16:9', [1344, 768]],
    ['gemini-2.5-flash-image', '1K', '21:9', [1536, 672]],
    ['gemini-3-pro-image', '4K', '16:9', [5504, 3072]],
    ['gemini-3-pro-image', '2K', '4:5', [1856, 2304]],
    ['gemini-3.1-flash-image', '512', '1:1', [512, 512]],
    ['gemini-3.1-flash-image', '4K', '1:8', [1536, 12288]],
    ['gemini-3.1-flash-image', '1K', '9:16', [768, 1376]],
  ] as const)('%s %s %s → %j', (id, size, ratio, pixels) => {
    expect(tabledPixels(findModel(registry, id)!, size, ratio)).toEqual(pixels);
  });

  it('has no 4:1 on 3 Pro and no sizes on 2.5 Flash', () => {
    expect(tabledPixels(findModel(registry, 'gemini-3-pro-image')!, '1K', '4:1')).toBeNull();
    expect(sizesOf(findModel(registry, 'gemini-2.5-flash-image')!)).toEqual(['1K']);
  });

  it.each([
    ['gemini-2.5-flash-image', '1K', 0.0387],
    ['gemini-3-pro-image', '1K', 0.1344],
    ['gemini-3-pro-image', '4K', 0.24],
    ['gemini-3.1-flash-image', '4K', 0.1512],
  ] as const)('prices an output image of %s at %s as $%s', (id, size, usd) => {
    expect(pricePerImageUsd(findModel(registry, id)!, size)).toBeCloseTo(usd, 6);
  });

  it('prices a call from its tokens', () => {
    const pro = findModel(registry, 'gemini-3-pro-image')!;
    // 1156 input tokens at $2/M + 1745 output tokens at $120/M
    expect(costUsd(pro, { inputTokens: 1156, outputTokens: 1745, totalTokens: 2901 })).toBeCloseTo(0.211712, 6);
    expect(costUsd(pro, { inputTokens: 0, outputTokens: 0, totalTokens: 0 })).toBe(0);
  });
});

describe('parseModelRegistry', () => {
  const valid = (): ModelRegistry => structuredClone(registry);

  it('accepts the shipped registry and a new model id added by configuration alone', () => {
    const next = valid();
    next.models.push({ ...structuredClone(next.models[2]!), id: 'gemini-nano-banana-2.1', label: 'Nano Banana 2.1' });
    expect(parseModelRegistry(next).models).toHaveLength(4);
  });

  it.each<[string, (r: ModelRegistry) => void, RegExp]>([
    ['a default model that is not listed', (r) => (r.defaultModel = 'nope'), /default model nope/],
    ['a ratio without dimensions', (r) => r.models[0]!.aspectRatios.push('3:1'), /no dimensions for 1K at 3:1/],
    ['a bad ratio', (r) => (r.models[0]!.aspectRatios[0] = '16/9'), /aspectRatios/],
    ['a lowercase size', (r) => ((r.models[1]!.imageSizes as string[])[0] = '1k'), /imageSizes/],
    ['an id with spaces', (r) => (r.models[0]!.id = 'gemini flash'), /model id/],
    ['no models', (r) => (r.models = []), /models/],
    ['a negative price', (r) => (r.models[0]!.pricing.outputUsdPerMillionTokens = -1), /outputUsdPerMillionTokens/],
  ])('rejects %s', (_name, mutate, message) => {
    const broken = valid();
    mutate(broken);
    expect(() => parseModelRegistry(broken)).toThrow(message);
  });
});
