import { describe, expect, it } from 'vitest';
import { estimateCostRangeUsd, estimateCostUsd, formatUsdRange, type CostModel } from '../../core/cost-estimate.js';
import { publicModels } from '../ui/fixtures.js';

const model: CostModel = {
  pricePerImageUsd: { '1K': 0.039 },
  inputUsdPerMillionTokens: 0.5,
  outputTextUsdPerMillionTokens: 30,
  typicalTextTokens: 200,
  typicalThoughtsTokens: 400,
};

describe('the estimate as a range', () => {
  it('runs from no text and thinking to twice the typical, around the typical estimate', () => {
    const range = estimateCostRangeUsd(model, '1K', 1, 40)!;
    const typical = estimateCostUsd(model, '1K', 1, 40)!;
    expect(range.low).toBeCloseTo(0.039 + (10 + 560) * 0.5e-6, 6);
    expect(range.high).toBeCloseTo(range.low + 1200 * 30e-6, 6);
    expect(range.low).toBeLessThan(typical);
    expect(range.high).toBeGreaterThan(typical);
    expect(estimateCostRangeUsd(model, '4K', 1, 40)).toBeNull();
  });

  it('reads as one figure when both ends round alike, else as “≈ $a–b”', () => {
    expect(formatUsdRange({ low: 0.0391, high: 0.0749 })).toBe('≈ $0.04–0.07');
    expect(formatUsdRange({ low: 0.0401, high: 0.0402 })).toBe('≈ $0.04');
    const noText = { ...model, typicalTextTokens: 0, typicalThoughtsTokens: 0 };
    const flat = estimateCostRangeUsd(noText, '1K', 0, 10)!;
    expect(flat.low).toBe(flat.high);
  });

  it('varies for every model the proxy lists with text and thinking prices', () => {
    for (const m of publicModels.models) {
      const size = Object.keys(m.pricePerImageUsd)[0] as keyof typeof m.pricePerImageUsd;
      const range = estimateCostRangeUsd(m, size, 1, 40)!;
      const varies = (m.typicalTextTokens ?? 0) + (m.typicalThoughtsTokens ?? 0) > 0;
      expect(range.high > range.low, m.id).toBe(varies && (m.outputTextUsdPerMillionTokens ?? 0) > 0);
    }
  });
});
