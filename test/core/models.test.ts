import { describe, expect, it } from 'vitest';
import {
  costUsd,
  findModel,
  parseModelRegistry,
  pricedTokens,
  pricePerImageUsd,
  sizesOf,
  tabledPixels,
  totalsOnly,
  usableReplacement,
  type ModelRegistry,
  type UsageBreakdown,
} from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();

describe('config/models.json', () => {
  it('offers the Nano Banana lineup with Nano Banana 2.1 as the current default', () => {
    expect(registry.models.map((m) => [m.id, m.status, m.replacement ?? null])).toEqual([
      ['gemini-nano-banana-2.1', 'current', null],
      ['gemini-3-pro-image', 'current', null],
      ['gemini-3.1-flash-image', 'deprecated', 'gemini-nano-banana-2.1'],
      ['gemini-2.5-flash-image', 'legacy', 'gemini-nano-banana-2.1'],
    ]);
    expect(registry.defaultModel).toBe('gemini-nano-banana-2.1');
  });

  it('gives Nano Banana 2.1 the 14 ratios at 1K, 2K and 4K, no 512, and 14 input images', () => {
    const nb21 = findModel(registry, 'gemini-nano-banana-2.1')!;
    expect(nb21.imageSizes).toEqual(['1K', '2K', '4K']);
    expect(nb21.aspectRatios).toHaveLength(14);
    expect(nb21.aspectRatios).toEqual(expect.arrayContaining(['1:4', '4:1', '1:8', '8:1']));
    expect(nb21.maxInputImages).toBe(14);
    expect(nb21.thoughtSignatures).toBe(true);
    expect(tabledPixels(nb21, '512', '1:1')).toBeNull();
  });

  it.each([
    // model, size, ratio, tabled pixels (docs/gemini-platform.md#output-pixel-sizes)
    ['gemini-2.5-flash-image', '1K', '16:9', [1344, 768]],
    ['gemini-2.5-flash-image', '1K', '21:9', [1536, 672]],
    ['gemini-3-pro-image', '4K', '16:9', [5504, 3072]],
    ['gemini-3-pro-image', '2K', '4:5', [1856, 2304]],
    ['gemini-3.1-flash-image', '512', '1:1', [512, 512]],
    ['gemini-3.1-flash-image', '4K', '1:8', [1536, 12288]],
    ['gemini-3.1-flash-image', '1K', '9:16', [768, 1376]],
    ['gemini-nano-banana-2.1', '1K', '16:9', [1376, 768]],
    ['gemini-nano-banana-2.1', '4K', '8:1', [12288, 1536]],
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
    ['gemini-nano-banana-2.1', '1K', 0.0336],
    ['gemini-nano-banana-2.1', '2K', 0.0504],
    ['gemini-nano-banana-2.1', '4K', 0.1134],
  ] as const)('prices an output image of %s at %s as $%s', (id, size, usd) => {
    expect(pricePerImageUsd(findModel(registry, id)!, size)).toBeCloseTo(usd, 6);
  });
});

/**
 * The recorded 3.1 Flash answer (vercel/ai `google-image-gemini-3.1-flash-image.json`): 272 of 1392 output are text.
 */
const RECORDED_FLASH: UsageBreakdown = {
  promptTokens: 10,
  promptImageTokens: 0,
  candidatesTokens: 1392,
  candidatesImageTokens: 1120,
  thoughtsTokens: 0,
  totalTokens: 1402,
};

describe('costUsd', () => {
  it.each<[string, string, UsageBreakdown, number]>([
    // Before: every output token at the image rate, 10 × $0.5/M + 1392 × $60/M = $0.083525.
    // After: 10 × $0.5/M + 1120 × $60/M + 272 × $3/M = $0.068021.
    ['the recorded 3.1 Flash answer', 'gemini-3.1-flash-image', RECORDED_FLASH, 0.068021],
    [
      'a 3 Pro answer with thinking outside candidatesTokenCount',
      'gemini-3-pro-image',
      // 1156 input (560 of them image) at $2/M + 1120 image at $120/M + (8 text + 244 thoughts) at $12/M.
      {
        promptTokens: 1156,
        promptImageTokens: 560,
        candidatesTokens: 1128,
        candidatesImageTokens: 1120,
        thoughtsTokens: 244,
        totalTokens: 2528,
      },
      0.139736,
    ],
    [
      'an answer without candidatesTokensDetails: every candidate token at the image rate',
      'gemini-3.1-flash-image',
      { ...RECORDED_FLASH, candidatesImageTokens: null },
      0.083525,
    ],
    [
      'totals only: output is what the total leaves, at the image rate',
      'gemini-nano-banana-2.1',
      totalsOnly(10, 1130),
      // 10 × $1.5/M + 1120 × $30/M
      0.033615,
    ],
    ['nothing', 'gemini-3-pro-image', totalsOnly(0, 0), 0],
  ])('prices %s', (_name, id, usage, usd) => {
    expect(costUsd(findModel(registry, id)!, usage)).toBeCloseTo(usd, 6);
  });

  it('splits the recorded answer by rate', () => {
    expect(pricedTokens(RECORDED_FLASH)).toEqual({ inputText: 10, inputImage: 0, outputImage: 1120, outputText: 272 });
  });

  it('prices input images at their own rate where one is configured', () => {
    const flash = structuredClone(findModel(registry, 'gemini-3.1-flash-image')!);
    flash.pricing.inputImageUsdPerMillionTokens = 1;
    const usage: UsageBreakdown = { ...RECORDED_FLASH, promptTokens: 570, promptImageTokens: 560, totalTokens: 1962 };
    // 10 × $0.5/M + 560 × $1/M + 1120 × $60/M + 272 × $3/M
    expect(costUsd(flash, usage)).toBeCloseTo(0.068581, 6);
  });

  it('never counts more image tokens than there are', () => {
    const odd: UsageBreakdown = { ...RECORDED_FLASH, promptImageTokens: 99, candidatesImageTokens: 5000 };
    expect(pricedTokens(odd)).toEqual({ inputText: 0, inputImage: 10, outputImage: 1392, outputText: 0 });
  });
});

describe('parseModelRegistry', () => {
  const valid = (): ModelRegistry => structuredClone(registry);

  it('accepts the shipped registry and a new model id added by configuration alone', () => {
    const next = valid();
    next.models.push({ ...structuredClone(next.models[0]!), id: 'gemini-nano-banana-3', label: 'Nano Banana 3' });
    expect(parseModelRegistry(next).models).toHaveLength(5);
  });

  it.each<[string, (r: ModelRegistry) => void, RegExp]>([
    ['a default model that is not listed', (r) => (r.defaultModel = 'nope'), /default model nope/],
    ['a ratio without dimensions', (r) => r.models[0]!.aspectRatios.push('3:1'), /no dimensions for 1K at 3:1/],
    ['a bad ratio', (r) => (r.models[0]!.aspectRatios[0] = '16/9'), /aspectRatios/],
    ['a lowercase size', (r) => ((r.models[1]!.imageSizes as string[])[0] = '1k'), /imageSizes/],
    ['an id with spaces', (r) => (r.models[0]!.id = 'gemini flash'), /model id/],
    ['no models', (r) => (r.models = []), /models/],
    [
      'a negative price',
      (r) => (r.models[0]!.pricing.outputImageUsdPerMillionTokens = -1),
      /outputImageUsdPerMillionTokens/,
    ],
    ['an unknown status', (r) => ((r.models[1] as { status: string }).status = 'retired'), /status/],
    ['a default model that is not current', (r) => (r.defaultModel = 'gemini-3.1-flash-image'), /is deprecated/],
    [
      'a replacement that is not configured',
      (r) => (r.models[2]!.replacement = 'gemini-9-image'),
      /replacement gemini-9-image is not in the list/,
    ],
    ['a model that replaces itself', (r) => (r.models[1]!.replacement = 'gemini-3-pro-image'), /names itself/],
    [
      'replacements that go round',
      (r) => {
        r.models[0]!.replacement = 'gemini-3-pro-image';
        r.models[1]!.replacement = 'gemini-nano-banana-2.1';
      },
      /cycle: gemini-nano-banana-2.1 → gemini-3-pro-image → gemini-nano-banana-2.1/,
    ],
  ])('rejects %s', (_name, mutate, message) => {
    const broken = valid();
    mutate(broken);
    expect(() => parseModelRegistry(broken)).toThrow(message);
  });
});

describe('usableReplacement', () => {
  it('follows replacements past the ones that cannot be used', () => {
    expect(usableReplacement(registry, 'gemini-3.1-flash-image', new Set())?.id).toBe('gemini-nano-banana-2.1');
    expect(usableReplacement(registry, 'gemini-3.1-flash-image', new Set(['gemini-nano-banana-2.1']))).toBeNull();
    expect(usableReplacement(registry, 'gemini-3-pro-image', new Set())).toBeNull();
    const chained = structuredClone(registry);
    chained.models[0]!.replacement = 'gemini-3-pro-image';
    expect(
      usableReplacement(parseModelRegistry(chained), 'gemini-2.5-flash-image', new Set(['gemini-nano-banana-2.1']))?.id,
    ).toBe('gemini-3-pro-image');
  });
});
