/**
 * Component sets for the team library (docs/architecture.md#variants-and-component-sets). With several results
 * selected: "Make component set". With the set just made selected: what it holds, whether it is published, and that
 * publishing is a person's step in Figma's Assets panel, because plugins cannot publish
 * (docs/figma-platform.md#plugins-cannot-publish).
 */
import type { ComponentSetMade, NodeSnapshot, PublishStatus } from '../../core/messages.js';
import type { Mode } from '../state.js';

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

const STATUS_WORDS: Record<PublishStatus, string> = {
  UNPUBLISHED: 'Not published yet.',
  CURRENT: 'Published, and up to date.',
  CHANGED: 'Changed since it was last published.',
};

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

function MadeSet({ made, onCheckPublished }: { made: ComponentSetMade; onCheckPublished(): void }) {
  const count = made.componentIds.length;
  const properties = Object.entries(made.properties)
    .map(([name, values]) => `${name}: ${values.join(', ')}`)
    .join(' · ');
  return (
    <section class="card component-set" aria-label="Component set">
      <p>
        <strong>Made component set</strong> “{made.name}”
      </p>
      <p class="muted">
        {count === 1 ? '1 variant' : `${count} variants`} · {properties}. Each keeps its turn, so it can be continued.
      </p>
      <p data-status={made.publishStatus ?? 'unknown'}>
        {made.publishStatus ? STATUS_WORDS[made.publishStatus] : 'Figma did not say whether it is published.'} Plugins
        cannot publish: to share it with your team, publish it from Figma’s Assets panel.
      </p>
      <div class="actions">
        <button type="button" onClick={() => onCheckPublished()}>
          Check again
        </button>
      </div>
    </section>
  );
}
