/**
 * What Generate will work on: the selected layer with its thumbnail, name and size, or nothing; and, for a result,
 * which turn of its conversation it is and what Generate will do with it.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { bytesToBase64 } from '../../core/base64.js';
import { formatSize } from '../format.js';
import type { PanelProps } from './props.js';

export function SelectionCard({ state, actions }: PanelProps) {
  const mode = state.mode.value;
  const target = state.target.value;
  const thumbnail = state.targetThumbnail.value;
  const src = useMemo(
    () => (thumbnail ? `data:image/png;base64,${bytesToBase64(thumbnail.bytes)}` : null),
    [thumbnail],
  );
  // The sandbox sends a thumbnail of the first selected layer; a base picked among several (issue 7) may be another.
  const first = state.selection.value[0]?.id;
  const missing = target !== null && thumbnail === null && target.id !== first ? target.id : null;
  useEffect(() => {
    if (missing) void actions.loadThumbnailsAsync([missing]);
  }, [missing, actions]);
  const shown = src ?? (missing ? (state.thumbnails.value.get(missing) ?? null) : null);
  if (mode === 'multiple') {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">{state.selectionCount.value} layers selected. Select one layer to edit it.</p>
      </section>
    );
  }
  if (!target) {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">Nothing selected: Generate makes a new image in the middle of the view.</p>
      </section>
    );
  }
  return (
    <section class="card selection" aria-label="Selection">
      <div class="thumb">{shown ? <img src={shown} alt={`Preview of ${target.name}`} /> : null}</div>
      <div class="details">
        <strong class="name" title={target.name}>
          {target.name}
        </strong>
        <span class="muted">
          {formatSize(target.width, target.height)} · {target.type.toLowerCase().replace('_', ' ')}
        </span>
        <ConversationLine state={state} actions={actions} />
      </div>
    </section>
  );
}

/** What the next Generate does with the selected layer: a first edit, the next turn, or a new branch. */
function ConversationLine({ state, actions }: PanelProps) {
  const turn = state.targetTurn.value;
  const damage = state.targetDamage.value;
  const chain = state.targetChain.value;
  const history = (
    <button type="button" class="link" onClick={() => actions.showView('history')}>
      History
    </button>
  );
  if (damage) {
    return (
      <span class="muted" data-code="corrupt_history">
        This layer’s history is damaged; it can still be used as an image. The next result starts a new history.
      </span>
    );
  }
  if (!turn || !chain) {
    const made = state.historyView.value !== null;
    return (
      <span class="muted">
        The result goes beside it; this layer is not changed.{made ? ' ' : ''}
        {made && history}
      </span>
    );
  }
  const number = chain.turns.length + (chain.missing ? 1 : 0);
  const continued = turn.children.length > 0;
  return (
    <span class="muted">
      AI-generated · turn {number}.{' '}
      {continued
        ? 'Generate adds a new branch from this turn, placed below the others.'
        : 'Generate continues from this turn.'}{' '}
      {history}
    </span>
  );
}
