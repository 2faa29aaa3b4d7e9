/**
 * How the batch over a selection is doing and what it left (docs/batch.md#run-now): "12 of 40 done · 2 failed"
 * with one Cancel while it runs; then the tally with its time and cost, Select all, the failed frames by name
 * (each selects its frame) and Retry the ones that failed. And the note of a half-price submit.
 */
import { batchProgressLine, batchTallyLine, failedCalls } from '../../core/batch-summary.js';
import type { BatchRunView } from '../batch-state.js';

export interface BatchNoteProps {
  run: BatchRunView | null;
  submitted: string | null;
  /** Another run (not this batch's) is under way: the note waits. */
  busy: boolean;
  onCancel(): void;
  onRetry(): void;
  onSelect(nodeIds: readonly string[]): void;
}

export function BatchNote({ run, submitted, busy, onCancel, onRetry, onSelect }: BatchNoteProps) {
  return (
    <>
      {submitted ? (
        <p class="note batch-submitted" role="status">
          {submitted}
        </p>
      ) : null}
      {run ? <RunNote run={run} busy={busy} onCancel={onCancel} onRetry={onRetry} onSelect={onSelect} /> : null}
    </>
  );
}

function RunNote({
  run,
  busy,
  onCancel,
  onRetry,
  onSelect,
}: Omit<BatchNoteProps, 'submitted'> & { run: BatchRunView }) {
  if (run.running) {
    return (
      <div class="batch-note" aria-label="Batch">
        <p class="note batch-progress" role="status">
          {batchProgressLine(run.outcomes, run.waiting)}
        </p>
        <button type="button" onClick={() => onCancel()}>
          Cancel
        </button>
      </div>
    );
  }
  const failed = failedCalls(run.outcomes);
  const placed = [...run.placed.values()];
  const named = (index: number): string => {
    const unit = run.units[index]!;
    const several = run.units.some((u) => u.frame.id === unit.frame.id && u.variant > 0);
    return several ? `${unit.frame.name} (variant ${unit.variant + 1})` : unit.frame.name;
  };
  return (
    <div class="batch-note" aria-label="Batch">
      <p class={`note batch-tally${failed.length > 0 ? ' partial' : ''}`} role="status">
        {batchTallyLine(run.outcomes, run.elapsedMs)}
        {run.cancelled ? ' · cancelled' : ''}.{' '}
        {placed.length > 0 ? (
          <button type="button" class="link" onClick={() => onSelect(placed)}>
            Select all {placed.length}
          </button>
        ) : null}
        {failed.length > 0 && !busy ? (
          <>
            {placed.length > 0 ? ' · ' : ''}
            <button type="button" class="link" onClick={() => onRetry()}>
              Retry the {failed.length} that failed
            </button>
          </>
        ) : null}
      </p>
      {failed.length > 0 ? (
        <ul class="batch-failed" aria-label="Failed frames">
          {failed.map((index) => {
            const outcome = run.outcomes[index];
            if (!outcome || outcome.ok) return null;
            return (
              <li key={index}>
                <button
                  type="button"
                  class="link"
                  title="Select this frame"
                  onClick={() => onSelect([run.units[index]!.frame.id])}
                >
                  {named(index)}
                </button>
                <span class="muted">: {outcome.error.message}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
