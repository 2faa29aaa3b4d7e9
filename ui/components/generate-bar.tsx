/** The Generate button with what the request will cost, or the running request's progress with Cancel. */
import { formatUsd } from '../../core/cost-estimate.js';
import { Progress } from './progress.js';
import type { PanelProps } from './props.js';

export function GenerateBar({ state, actions }: PanelProps) {
  const run = state.run.value;
  const estimate = state.estimateUsd.value;
  return (
    <div class="actions">
      <button type="button" class="primary" disabled={run !== null} onClick={() => void actions.generateAsync()}>
        Generate
      </button>
      {run ? (
        <Progress state={state} actions={actions} />
      ) : (
        <>
          {estimate !== null && (
            <span class="estimate" title="Estimated cost of this request: the image, the prompt and the input images">
              ≈ {formatUsd(estimate)}
            </span>
          )}
          <span class="hint">⌘/Ctrl + Enter</span>
        </>
      )}
    </div>
  );
}
