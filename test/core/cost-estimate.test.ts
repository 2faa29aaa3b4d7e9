import { describe, expect, it } from 'vitest';
import {
  costModelOf,
  estimateCostUsd,
  formatUsd,
  inputTokensPerImage,
  type CostModel,
} from '../../core/cost-estimate.js';
import { costUsd, findModel } from '../../core/models.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();
const model = (id: string): CostModel => costModelOf(findModel(registry, id)!);

describe('estimateCostUsd', () => {
  it.each([
    // model, size, input images, prompt characters, dollars. Every estimate adds the model's typical text and
    // thinking output at the text rate (config/models.md): 272 text tokens on 3.1 Flash and 2.1, 244 thinking
    // tokens on 3 Pro, none on 2.5 Flash.
    // 2.1 1K: 1120 × $30/M = $0.0336; 40 chars = 10 tokens × $1.5/M; 272 × $7.5/M.
    ['gemini-nano-banana-2.1', '1K', 0, 40, 0.035655],
    // 3.1 Flash 1K: 1120 output tokens × $60/M = $0.0672; 10 tokens × $0.5/M; 272 × $3/M.
    ['gemini-3.1-flash-image', '1K', 0, 40, 0.068021],
    // Two input images on Gemini 3: 2 × 560 tokens more at $0.5/M.
    ['gemini-3.1-flash-image', '1K', 2, 40, 0.068581],
    ['gemini-3.1-flash-image', '512', 0, 0, 0.045636],
    ['gemini-3.1-flash-image', '4K', 1, 400, 0.152346],
    // 3 Pro 4K: 2000 × $120/M = $0.24; 1 image × 560 + 25 tokens at $2/M; 244 × $12/M.
    ['gemini-3-pro-image', '4K', 1, 100, 0.244098],
    // 2.5 Flash: 1290 × $30/M = $0.0387; 258 tokens per input image at $0.3/M.
    ['gemini-2.5-flash-image', '1K', 3, 8, 0.038933],
  ] as const)('%s at %s with %i images and %i chars → $%s', (id, size, images, chars, usd) => {
    expect(estimateCostUsd(model(id), size, images, chars)).toBeCloseTo(usd, 6);
  });

  it('estimates the recorded 3.1 Flash answer at what it cost, where the image alone ran low', () => {
    // The recording (core/models.ts tests): 10 prompt tokens, 1120 image and 272 text tokens out.
    const flash = findModel(registry, 'gemini-3.1-flash-image')!;
    const billed = costUsd(flash, {
      promptTokens: 10,
      promptImageTokens: 0,
      candidatesTokens: 1392,
      candidatesImageTokens: 1120,
      thoughtsTokens: 0,
      totalTokens: 1402,
    });
    expect(estimateCostUsd(model('gemini-3.1-flash-image'), '1K', 0, 40)).toBeCloseTo(billed, 6);
  });

  it('is null for a size the model has no price for', () => {
    expect(estimateCostUsd(model('gemini-3-pro-image'), '512', 0, 10)).toBeNull();
    expect(estimateCostUsd(model('gemini-2.5-flash-image'), '4K', 0, 10)).toBeNull();
  });

  it('takes a model as GET /v1/models lists it, with 560 tokens per image when it does not say', () => {
    const listed: CostModel = { pricePerImageUsd: { '1K': 0.1 }, inputUsdPerMillionTokens: 1 };
    expect(estimateCostUsd(listed, '1K', 1, 0)).toBeCloseTo(0.10056, 6);
  });

  it('never counts negative inputs', () => {
    expect(estimateCostUsd(model('gemini-3.1-flash-image'), '1K', -3, -10)).toBeCloseTo(0.068016, 6);
  });

  it('counts what a 3 Pro answer typically bills for thinking, which the image price alone leaves out', () => {
    const info = findModel(registry, 'gemini-3-pro-image')!;
    // ceil(100/4) + 560 prompt tokens, the tabled 2000 image tokens and 244 thinking tokens.
    const billed = costUsd(info, {
      promptTokens: 25 + 560,
      promptImageTokens: 560,
      candidatesTokens: 2000,
      candidatesImageTokens: 2000,
      thoughtsTokens: 244,
      totalTokens: 2829,
    });
    expect(estimateCostUsd(costModelOf(info), '4K', 1, 100)).toBeCloseTo(billed, 6);
    expect(inputTokensPerImage(info)).toBe(560);
  });

  it('leaves text and thinking out for a model listed by an older proxy without their rate', () => {
    const listed: CostModel = { pricePerImageUsd: { '1K': 0.1 }, inputUsdPerMillionTokens: 1, typicalTextTokens: 272 };
    expect(estimateCostUsd(listed, '1K', 0, 0)).toBeCloseTo(0.1, 6);
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.134, '$0.13'],
    [20, '$20.00'],
    [0.0042, '$0.0042'],
    [0.00123456, '$0.0012'],
  ])('%s → %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});
