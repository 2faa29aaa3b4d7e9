/** What a settled usage row costs, by how its request ended (`proxy/generate-pricing.ts`). */
import { describe, expect, it } from 'vitest';
import { settledCostUsd, type CostFacts } from '../../proxy/generate-pricing.js';

const facts = (over: Partial<CostFacts>): CostFacts => ({
  outcome: 'ok',
  attempts: 1,
  estimateUsd: 0.05,
  billedUsd: 0.04,
  ...over,
});

describe('settledCostUsd', () => {
  it.each<[string, Partial<CostFacts>, number]>([
    ['an answer: what Gemini billed', {}, 0.04],
    ['a cache hit: nothing', { attempts: 0, billedUsd: 0 }, 0],
    ['a blocked image: Google does not bill it', { outcome: 'safety_blocked' }, 0],
    ['an answer without an image: billed as sent', { outcome: 'no_image_returned' }, 0.04],
    [
      'cancelled after the call started: the estimate (Google may bill it)',
      { outcome: 'cancelled', billedUsd: 0 },
      0.05,
    ],
    ['timed out after the call started: the estimate', { outcome: 'upstream_timeout', billedUsd: 0 }, 0.05],
    ['cancelled before any call: nothing', { outcome: 'cancelled', attempts: 0, billedUsd: 0 }, 0],
    ['refused by a limit before any call: nothing', { outcome: 'limit_reached', attempts: 0, billedUsd: 0 }, 0],
    ['an upstream error with no answer: nothing', { outcome: 'upstream_error', billedUsd: 0 }, 0],
  ])('%s', (_name, over, expected) => {
    expect(settledCostUsd(facts(over))).toBe(expected);
  });
});
