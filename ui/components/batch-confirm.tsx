/**
 * The batch's confirm card (docs/batch.md#the-confirm-card): what it will do and cost before anything runs, at the
 * standard rate now and at the Batch API's half price within hours, and whether it fits what the person has left.
 * Nothing is sent until one of the two Run buttons is pressed.
 */
import { batchConfirmLine } from '../../core/batch-summary.js';

export interface BatchConfirmProps {
  frames: number;
  variants: number;
  standardUsd: number | null;
  batchUsd: number | null;
  /** Why the batch would not fit the person's limits, or null. */
  shortfall: string | null;
  /** Layers left out, each with why. */
  refused: readonly string[];
  onRunNow(): void;
  onHalfPrice(): void;
  onBack(): void;
}

export function BatchConfirm(props: BatchConfirmProps) {
  const { frames, variants } = props;
  const calls = frames * variants;
  return (
    <section class="card batch-confirm" aria-label="Confirm the batch">
      <p class="batch-line">{batchConfirmLine(frames, variants, props.standardUsd, props.batchUsd)}</p>
      {props.refused.length > 0 ? (
        <ul class="batch-refused" aria-label="Left out">
          {props.refused.map((line) => (
            <li key={line} class="muted">
              {line}
            </li>
          ))}
        </ul>
      ) : null}
      {props.shortfall ? (
        <p class="banner danger" role="alert">
          {props.shortfall}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onRunNow()}>
          Run {calls} now
        </button>
        <button
          type="button"
          disabled={props.batchUsd === null}
          title={
            props.batchUsd === null
              ? 'This proxy does not offer half-price batches'
              : 'One Batch API job: half price, results within hours'
          }
          onClick={() => props.onHalfPrice()}
        >
          Run at half price
        </button>
        <button type="button" class="ghost" onClick={() => props.onBack()}>
          Back
        </button>
      </div>
    </section>
  );
}
