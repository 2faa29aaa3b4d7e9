/**
 * The Generate button, how many variants it asks for, and what that will cost; or the running request's progress
 * with Cancel.
 */
import { formatUsd, formatUsdRange, type UsdRange } from '../../core/cost-estimate.js';
import type { VariantOutcome } from '../../core/variant-summary.js';
import type { RunState } from '../state.js';
import { Progress } from './progress.js';
import { VariantCount } from './variant-count.js';

export interface GenerateBarProps {
  run: RunState | null;
  /** How each variant of the running batch has ended so far, or null for a single result. */
  variantProgress: readonly VariantOutcome[] | null;
  /** Estimated US dollars of one request, or null when there is no estimate. */
  estimateUsd: number | null;
  /** The range one request may cost (its text and thinking vary); shown instead of the estimate when given. */
  estimateRangeUsd?: UsdRange | null;
  /** How many variants Generate asks for. */
  variantCount: number;
  onGenerate(): void;
  onVariantCountChange(count: number): void;
  onCancel(): void;
}

export function GenerateBar(props: GenerateBarProps) {
  const { run, estimateUsd: single, variantCount: count } = props;
  // N variants are N calls, each billed (docs/gemini-platform.md#one-candidate-per-call).
  const estimate = single === null ? null : single * count;
  const range = props.estimateRangeUsd;
  const shown = range
    ? formatUsdRange({ low: range.low * count, high: range.high * count })
    : estimate !== null
      ? `≈ ${formatUsd(estimate)}`
      : null;
  return (
    <div class="actions">
      <button type="button" class="primary" disabled={run !== null} onClick={() => props.onGenerate()}>
        Generate
      </button>
      <VariantCount count={count} disabled={run !== null} onChange={props.onVariantCountChange} />
      {run ? (
        <Progress run={run} variants={props.variantProgress} onCancel={props.onCancel} />
      ) : (
        <>
          {shown !== null && (
            <span
              class="estimate"
              title={
                count > 1
                  ? `Estimated cost of ${count} requests, one per variant: the images, the prompts and the input images`
                  : 'Estimated cost of this request: the image, the prompt and the input images; the answer’s text and thinking vary, hence the range'
              }
            >
              {shown}
            </span>
          )}
          <span class="hint">⌘/Ctrl + Enter</span>
        </>
      )}
    </div>
  );
}
