/**
 * What goes with an edit (docs/architecture.md#references-and-style-presets), shown when there is more to it than one
 * frame: which selected layer is the base (and why, with a way to pick another), the shape drawn over it (the region
 * an edit or Erase changes, or the object Isolate object keeps), each reference with its role (style, subject or
 * product) in the order they are sent, the pinned subject, and Keep text editable for a frame with text.
 */
import type { NodeSnapshot } from '../../core/messages.js';
import { REFERENCE_ROLES, type ReferenceRole, type SelectionRoles } from '../../core/selection-roles.js';
import type { PrecisionActions } from '../actions/precision.js';
import type { EditInputs, PinnedSubject } from '../../core/edit-inputs.js';
import type { Mode } from '../state.js';

export interface ReferenceListProps {
  mode: Mode;
  /** The selected layers (the first ones, as the sandbox sent them). */
  selection: readonly NodeSnapshot[];
  roles: SelectionRoles<NodeSnapshot>;
  inputs: EditInputs;
  pinned: PinnedSubject | null;
  /** The layer being edited. */
  base: NodeSnapshot | null;
  /** What the list changes: base, roles, pinned subject and Keep text editable. */
  precision: Pick<PrecisionActions, 'setBase' | 'setReferenceRole' | 'pinSubject' | 'unpinSubject' | 'setKeepText'>;
}

const ROLE_LABELS: Record<ReferenceRole, string> = { style: 'Style', subject: 'Subject', product: 'Product' };
const ROLE_HINTS: Record<ReferenceRole, string> = {
  style: 'only its colours, texture and lighting',
  subject: 'keep this subject exactly',
  product: 'reproduce this product faithfully',
};
// The shape means one thing per tool: the region an edit (or Erase) changes, and for Isolate object the object kept.
const SHAPE_NOTE = 'marks the region an edit or Erase changes, or the object Isolate object keeps';
const BASE_REASONS = {
  chosen: 'the frame being edited',
  'largest-frame': 'the largest frame selected',
  'only-frame': 'the frame being edited',
  first: 'the first layer selected',
  'under-shape': 'the layer under the shape',
} as const;

export function ReferenceList({ mode, selection, roles, inputs, pinned, base, precision }: ReferenceListProps) {
  if (mode === 'multiple' && roles.base === null && selection.length > 1) {
    const first = selection[0]!;
    return (
      <section class="card inputs" aria-label="Edit with references">
        <p class="muted">
          To edit one of these with the others as references,{' '}
          <button type="button" class="link" onClick={() => precision.setBase(first.id)}>
            use “{first.name}” as the base
          </button>
          .
        </p>
      </section>
    );
  }
  if (!base) return null;
  const textApplies = base.type === 'FRAME' && base.hasText;
  // A shape selected alone edits the layer under it: that layer counts as selected with it.
  const selectedCount = selection.length + (roles.baseReason === 'under-shape' ? 1 : 0);
  if (selectedCount <= 1 && !pinned && !textApplies) return null;
  // The pinned subject gets its own row when it is not one of the selected layers.
  const pinnedApart =
    pinned !== null && pinned.nodeId !== base.id && !roles.references.some((r) => r.layer.id === pinned.nodeId);
  return (
    <section class="card inputs" aria-label="What goes with the edit">
      {selectedCount > 1 && (
        <div class="input-row">
          <span class="input-badge base">Base</span>
          <InputText name={base.name} note={BASE_REASONS[roles.baseReason ?? 'chosen']} />
        </div>
      )}
      {inputs.region && (
        <div class="input-row" data-role="region">
          <span class="input-badge region">Shape</span>
          <InputText name={inputs.region.name} note={SHAPE_NOTE} />
        </div>
      )}
      {roles.references.map(({ layer, role }, index) => (
        <ReferenceRow
          key={layer.id}
          layer={layer}
          role={role}
          order={index + 1}
          pinned={pinned?.nodeId === layer.id}
          precision={precision}
        />
      ))}
      {pinned && pinnedApart && (
        <div class="input-row" data-role="pinned">
          <span class="input-badge pin">Pinned</span>
          <InputText name={`Subject: ${pinned.name}`} note="goes with every turn" />
          <button type="button" class="link" onClick={() => precision.unpinSubject()}>
            Unpin
          </button>
        </div>
      )}
      {textApplies && (
        <label class="check">
          <input
            type="checkbox"
            checked={inputs.keepText}
            onChange={(event) => precision.setKeepText(event.currentTarget.checked)}
          />
          <span>
            Keep text editable
            <span class="muted"> · the image is made without the text, which stays live on top</span>
          </span>
        </label>
      )}
    </section>
  );
}

interface ReferenceRowProps {
  layer: NodeSnapshot;
  /** Null until the person chooses one (the name said none). */
  role: ReferenceRole | null;
  /** Its place in the order the references are sent, from 1. */
  order: number;
  /** It is the pinned subject. */
  pinned: boolean;
  precision: ReferenceListProps['precision'];
}

/** One reference: its place in the order, its name and role, Pin for a subject, and Make base. */
function ReferenceRow({ layer, role, order, pinned: isPinned, precision }: ReferenceRowProps) {
  return (
    <div class="input-row" data-role={role ?? 'unset'}>
      <span class="input-badge" title="Sent in this order, before the frame">
        {order}
      </span>
      <InputText
        name={layer.name}
        note={isPinned ? 'pinned: goes with every turn' : role ? ROLE_HINTS[role] : 'choose what it is for'}
      />
      <select
        class={role ? 'role' : 'role unset'}
        aria-label={`Role of ${layer.name}`}
        value={role ?? ''}
        onChange={(event) => precision.setReferenceRole(layer.id, event.currentTarget.value as ReferenceRole)}
      >
        {role === null && (
          <option value="" disabled>
            Choose a role
          </option>
        )}
        {REFERENCE_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {role === 'subject' && (
        <button
          type="button"
          class="link"
          aria-pressed={isPinned}
          title="Send this subject with every turn of this session"
          onClick={() => (isPinned ? precision.unpinSubject() : precision.pinSubject(layer.id, layer.name))}
        >
          {isPinned ? 'Pinned' : 'Pin'}
        </button>
      )}
      <button
        type="button"
        class="link"
        aria-label={`Make ${layer.name} the base`}
        onClick={() => precision.setBase(layer.id)}
      >
        Make base
      </button>
    </div>
  );
}

/** A layer's name and, under it, what it is for. */
function InputText({ name, note }: { name: string; note: string }) {
  return (
    <span class="input-text">
      <span class="input-name" title={name}>
        {name}
      </span>
      <span class="muted input-note">{note}</span>
    </span>
  );
}
