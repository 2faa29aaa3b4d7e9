import { describe, expect, it } from 'vitest';
import { batchSummary, failedIndices, failedVariantLine, outcomesAfter } from '../../core/batch-retry.js';
import { appError } from '../../core/errors.js';
import type { VariantOutcome } from '../../core/variant-summary.js';

const made: VariantOutcome = { ok: true };
const blocked: VariantOutcome = { ok: false, error: appError('safety_blocked') };
const timedOut: VariantOutcome = { ok: false, error: appError('upstream_timeout') };

describe('failedIndices', () => {
  it('lists the failed variants by request index, in order', () => {
    expect(failedIndices([made, blocked, made, timedOut])).toEqual([1, 3]);
    expect(failedIndices([made, made])).toEqual([]);
    expect(failedIndices([null, blocked])).toEqual([1]);
  });
});

describe('outcomesAfter', () => {
  it('a retried variant takes its new outcome, made or failed again', () => {
    expect(outcomesAfter([made, blocked, timedOut], [{ index: 1, outcome: made }], false)).toEqual([
      made,
      made,
      timedOut,
    ]);
    expect(outcomesAfter([made, blocked], [{ index: 1, outcome: timedOut }], false)).toEqual([made, timedOut]);
  });

  it('a regenerate that fails leaves the variant made: its first result is still there', () => {
    expect(outcomesAfter([made, made], [{ index: 0, outcome: blocked }], true)).toEqual([made, made]);
  });

  it('ignores indices outside the batch and calls that never ended', () => {
    expect(
      outcomesAfter(
        [made, blocked],
        [
          { index: 5, outcome: made },
          { index: 1, outcome: null },
        ],
        false,
      ),
    ).toEqual([made, blocked]);
  });
});

describe('batchSummary and failedVariantLine', () => {
  it('reads the tally, with what was regenerated', () => {
    expect(batchSummary([made, made, made], 0)).toBe('All 3 done');
    expect(batchSummary([made, made], 2)).toBe('All 2 done; 2 remade');
    expect(batchSummary([made, blocked], 0)).toBe('1 of 2 done; 1 was blocked by safety filters');
  });

  it('names a failed variant by its request, in a few words', () => {
    expect(failedVariantLine(1, appError('safety_blocked'))).toBe('Variant request 2: blocked by safety filters');
    expect(failedVariantLine(0, appError('internal_error'))).toBe('Variant request 1: failed (internal error)');
  });
});
