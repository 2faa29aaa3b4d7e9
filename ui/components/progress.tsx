/**
 * Elapsed time and a Cancel that really cancels (the fetch is aborted). While variants run, the step reads
 * "2 of 4 done…" (core/variant-summary.ts), and the one Cancel stops them all. While a live answer arrives
 * (docs/proxy-api.md#live-previews) the step is its stage line, with Gemini's newest interim draft beside it: a
 * preview only, never placed and never stored.
 */
import { useSignal, useSignalEffect } from '@preact/signals';
import { liveStageLine } from '../../core/generate-stream.js';
import { summarizeVariants, type VariantOutcome } from '../../core/variant-summary.js';
import { formatElapsed } from '../format.js';
import type { RunState } from '../state.js';

export interface ProgressProps {
  run: RunState | null;
  /** How each variant of the running batch has ended so far, or null for a single result. */
  variants: readonly VariantOutcome[] | null;
  onCancel(): void;
}

const STEP_LABELS = { exporting: 'Exporting the layer…', generating: 'Generating…', placing: 'Placing the result…' };

export function Progress({ run, variants, onCancel }: ProgressProps) {
  const now = useSignal(Date.now());
  useSignalEffect(() => {
    const timer = setInterval(() => {
      now.value = Date.now();
    }, 250);
    return () => clearInterval(timer);
  });
  if (!run) return null;
  const live = run.step === 'generating' && !variants ? run.live : undefined;
  const label =
    variants && run.step !== 'exporting'
      ? summarizeVariants(variants)
      : live
        ? liveStageLine(live.stage, live.draft?.index ?? null)
        : STEP_LABELS[run.step];
  return (
    <div class="progress" role="status">
      {live?.draft ? (
        <img class="draft-preview" src={live.draft.url} alt={`Draft ${live.draft.index} from Gemini`} />
      ) : (
        <span class="spinner" aria-hidden="true" />
      )}
      <span data-stage={live?.stage}>
        {label} <span class="muted">{formatElapsed(run.startedAt, Math.max(now.value, run.startedAt))}</span>
      </span>
      <button type="button" disabled={run.step === 'placing'} onClick={() => onCancel()}>
        Cancel
      </button>
    </div>
  );
}
