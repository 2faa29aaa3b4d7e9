/**
 * Which reading applies to a selection of several frames or images (docs/batch.md#choosing-the-batch): each one
 * edited on its own with the same instruction (a batch), or one edit of the largest with the others as references,
 * as before. Two pressed-or-not buttons, and a line that says what the pressed one does.
 */
export interface BatchChoiceProps {
  count: number;
  /** Each frame on its own is what applies now. */
  each: boolean;
  /** The layer one edit would change (the others its references), for the second button. */
  baseName: string | null;
  disabled: boolean;
  onChoose(each: boolean): void;
}

export function BatchChoice({ count, each, baseName, disabled, onChoose }: BatchChoiceProps) {
  return (
    <section class="card batch-choice" aria-label="Each frame or one edit" data-kind={each ? 'batch' : 'one-edit'}>
      <p class="muted">
        {each
          ? `${count} frames selected: each is edited on its own with the same instruction, its own text as context, and its result placed beside it.`
          : baseName
            ? `${count} layers selected: one edit of “${baseName}”, with the others as references.`
            : `${count} layers selected, read together (below).`}
      </p>
      <div class="actions" role="group" aria-label="How to edit the selection">
        <button type="button" aria-pressed={each} disabled={disabled} onClick={() => onChoose(true)}>
          Edit each of the {count} separately
        </button>
        <button type="button" aria-pressed={!each} disabled={disabled} onClick={() => onChoose(false)}>
          {baseName ? 'One edit, others as references' : 'Together'}
        </button>
      </div>
    </section>
  );
}
