/**
 * Component sets for the team library (docs/architecture.md#variants-and-component-sets). With several results
 * selected: "Make component set". With the set just made selected, the card of ui/components/made-set.tsx.
 */
import type { ComponentSetMade, NodeSnapshot } from '../../core/messages.js';
import type { Mode } from '../state.js';
import { MadeSet } from './made-set.js';

export interface ComponentSetCardProps {
  /** The component set made last. */
  made: ComponentSetMade | null;
  /** The layer being edited, when there is one. */
  targetId: string | null;
  /** The selected layers (the first ones, as the sandbox sent them) and how many are selected in all. */
  selection: readonly NodeSnapshot[];
  selectionCount: number;
  mode: Mode;
  /** A "Make component set" is under way. */
  making: boolean;
  /** A Generate is running. */
  running: boolean;
  onMake(): void;
  onCheckPublished(): void;
}

/** The component set card: the offer to make one from the selected results, or the set just made. */
export function ComponentSetCard(props: ComponentSetCardProps) {
  const { made, selection: nodes } = props;
  if (made && props.targetId === made.setId) return <MadeSet made={made} onCheckPublished={props.onCheckPublished} />;
  const results = nodes.filter((n) => n.hasTurn).length;
  // Several results alone have no base to edit (core/selection-roles.ts). Results with other layers read as an
  // edit with references, so the card shows there only when two or more results are selected; the sandbox then
  // names whatever else is in the selection and leaves it alone.
  if (props.selectionCount < 2 || results === 0) return null;
  if (props.mode !== 'multiple' && results < 2) return null;
  const { making } = props;
  return (
    <section class="card component-set" aria-label="Component set">
      <p>
        <strong>Component set</strong>
      </p>
      <p class="muted">
        Each selected result becomes a variant of one component set (Variant=1…{nodes.length}), named after its source
        and prompt, ready for your team library. Only layers made by Banana Studio are changed.
      </p>
      <div class="actions">
        <button type="button" disabled={making || props.running} onClick={() => props.onMake()}>
          {making ? 'Making…' : 'Make component set'}
        </button>
      </div>
    </section>
  );
}
