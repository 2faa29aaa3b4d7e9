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
    // model, size, input images, prompt characters, dollars
    // 3.1 Flash 1K: 1120 output tokens × $60/M = $0.0672; 40 chars = 10 tokens × $0.5/M.
    ['gemini-3.1-flash-image', '1K', 0, 40, 0.067205],
    // Two input images on Gemini 3: 2 × 560 tokens more at $0.5/M.
    ['gemini-3.1-flash-image', '1K', 2, 40, 0.067765],
    ['gemini-3.1-flash-image', '512', 0, 0, 0.04482],
    ['gemini-3.1-flash-image', '4K', 1, 400, 0.15153],
    // 3 Pro 4K: 2000 × $120/M = $0.24; 1 image × 560 + 25 tokens at $2/M.
    ['gemini-3-pro-image', '4K', 1, 100, 0.24117],
    // 2.5 Flash: 1290 × $30/M = $0.0387; 258 tokens per input image at $0.3/M.
    ['gemini-2.5-flash-image', '1K', 3, 8, 0.038933],
  ] as const)('%s at %s with %i images and %i chars → $%s', (id, size, images, chars, usd) => {
    expect(estimateCostUsd(model(id), size, images, chars)).toBeCloseTo(usd, 6);
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
    expect(estimateCostUsd(model('gemini-3.1-flash-image'), '1K', -3, -10)).toBeCloseTo(0.0672, 6);
  });

  it('stays close to what the Gemini double really bills, before thinking tokens', () => {
    const info = findModel(registry, 'gemini-3-pro-image')!;
    // The double bills ceil(chars/4) prompt tokens, 560 per image and the tabled output tokens (docs/gemini-double.md).
    const billed = costUsd(info, { inputTokens: 25 + 560, outputTokens: 2000, totalTokens: 2585 });
    expect(estimateCostUsd(costModelOf(info), '4K', 1, 100)).toBeCloseTo(billed, 6);
    expect(inputTokensPerImage(info)).toBe(560);
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
