/**
 * The Generate button, how many variants it asks for, and what that will cost; or the running request's progress
 * with Cancel.
 */
import { formatUsd } from '../../core/cost-estimate.js';
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
          {estimate !== null && (
            <span
              class="estimate"
              title={
                count > 1
                  ? `Estimated cost of ${count} requests, one per variant: the images, the prompts and the input images`
                  : 'Estimated cost of this request: the image, the prompt and the input images'
              }
            >
              ≈ {formatUsd(estimate)}
            </span>
          )}
          <span class="hint">⌘/Ctrl + Enter</span>
        </>
      )}
    </div>
  );
}
