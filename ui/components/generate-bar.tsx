/**
 * The Generate button, how many variants it asks for, and what that will cost; or the running request's progress
 * with Cancel.
 */
import { formatUsd } from '../../core/cost-estimate.js';
import { Progress } from './progress.js';
import type { PanelProps } from './props.js';
import { VariantCount } from './variant-count.js';

export function GenerateBar({ state, actions }: PanelProps) {
  const run = state.run.value;
  const single = state.estimateUsd.value;
  const count = state.variants.count.value;
  // N variants are N calls, each billed (gemini-api.md §0.6).
  const estimate = single === null ? null : single * count;
  return (
    <div class="actions">
      <button type="button" class="primary" disabled={run !== null} onClick={() => void actions.generateAsync()}>
        Generate
      </button>
      <VariantCount state={state} actions={actions} />
      {run ? (
        <Progress state={state} actions={actions} />
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
