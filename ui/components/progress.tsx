/** Elapsed time and a Cancel that really cancels (the fetch is aborted). */
import { useSignal, useSignalEffect } from '@preact/signals';
import { formatElapsed } from '../format.js';
import type { PanelProps } from './props.js';

const STEP_LABELS = { exporting: 'Exporting the layer…', generating: 'Generating…', placing: 'Placing the result…' };

export function Progress({ state, actions }: PanelProps) {
  const now = useSignal(Date.now());
  useSignalEffect(() => {
    const timer = setInterval(() => {
      now.value = Date.now();
    }, 250);
    return () => clearInterval(timer);
  });
  const run = state.run.value;
  if (!run) return null;
  return (
    <div class="progress" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>
        {STEP_LABELS[run.step]}{' '}
        <span class="muted">{formatElapsed(run.startedAt, Math.max(now.value, run.startedAt))}</span>
      </span>
      <button type="button" disabled={run.step === 'placing'} onClick={() => actions.cancel()}>
        Cancel
      </button>
    </div>
  );
}
