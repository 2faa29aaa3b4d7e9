/**
 * What the last batch of variants left on the canvas: the tally ("3 of 4 done; 1 was blocked by safety filters"),
 * what it cost, a button to select them again (the way to a component set), and, per variant, a way to run it
 * again without the others: Retry for one that failed, Remake this one, for one that was made (ui/actions/retry-variants.ts).
 */
import { failedIndices, failedVariantLine } from '../../core/batch-retry.js';
import { shortNames } from '../../core/short-names.js';
import { formatCost } from '../format.js';
import type { BatchResult } from '../variant-state.js';

export interface VariantNoteProps {
  batch: BatchResult | null;
  /** A Generate is running (the note waits until it ends). */
  running: boolean;
  onSelect(nodeIds: readonly string[]): void;
  /** Runs these failed variants (by request index) again. */
  onRetry?(indices: readonly number[]): void;
  /** Runs this made variant (by request index) again for a new picture, beside the one there. */
  onRegenerate?(index: number): void;
}

export function VariantNote({ batch, running, onSelect, onRetry, onRegenerate }: VariantNoteProps) {
  if (!batch || running) return null;
  const { placed, count, summary } = batch;
  const failed = failedIndices(batch.outcomes);
  const partial = failed.length > 0;
  // Cache hits are free; blocked and failed calls are not billed.
  const cost = placed.reduce((sum, p) => sum + (p.record.usage.cached ? 0 : p.record.usage.costUsd), 0);
  const labels = shortNames(placed.map((p) => p.name));
  const each = batch.callEstimateUsd === null ? '' : ` ≈ ${formatCost(batch.callEstimateUsd)} each`;
  return (
    <div class="variant-note">
      <p class={`note batch${partial ? ' partial' : ''}`} role="status" data-partial={partial ? 'true' : undefined}>
        {summary}. <span class="muted cost">{formatCost(cost)}</span>.{' '}
        <button type="button" class="link" onClick={() => onSelect(placed.map((p) => p.nodeId))}>
          {placed.length === 1 ? 'Select it' : `Select all ${placed.length}`}
        </button>
        {partial && onRetry ? (
          <>
            {' · '}
            <button type="button" class="link" onClick={() => onRetry(failed)}>
              Retry the {failed.length === 1 ? '1 that' : `${failed.length} that`} failed
            </button>
            <span class="muted">{each}</span>
          </>
        ) : null}
      </p>
      {count > 1 && (onRetry || onRegenerate) ? (
        <ul class="variant-list" aria-label="Each result of the batch">
          {placed.map((p, i) => (
            <li key={p.nodeId}>
              <span class="name" title={p.name}>
                {labels[i]}
              </span>
              {onRegenerate && p.record.variant ? (
                <button
                  type="button"
                  class="link"
                  aria-label={`Remake ${p.name}`}
                  title={`A new picture beside this one${each}`}
                  onClick={() => onRegenerate(p.record.variant!.index)}
                >
                  Remake this one
                </button>
              ) : null}
            </li>
          ))}
          {failed.map((index) => {
            const outcome = batch.outcomes[index];
            if (!outcome || outcome.ok) return null;
            const line = failedVariantLine(index, outcome.error);
            return (
              <li key={`failed-${index}`} class="failed">
                <span class="name" title={outcome.error.message}>
                  {line}
                </span>
                {onRetry ? (
                  <button type="button" class="link" aria-label={`Retry ${line}`} onClick={() => onRetry([index])}>
                    Retry
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
