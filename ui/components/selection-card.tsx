/**
 * What Generate will work on: the selected layer with its thumbnail, name and size, or nothing; and, for a result,
 * which turn of its conversation it is and what Generate will do with it.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { bytesToBase64 } from '../../core/base64.js';
import type { HistoryChain, HistoryTurn } from '../../core/history-graph.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { formatSize } from '../format.js';
import type { Mode, Thumbnail } from '../state.js';

export interface SelectionCardProps {
  mode: Mode;
  /** The layer being edited. */
  target: NodeSnapshot | null;
  /** The sandbox's thumbnail of the target, when it sent one for it. */
  thumbnail: Thumbnail | null;
  /** The first selected layer, the one the sandbox sends a thumbnail of. */
  firstSelectedId: string | undefined;
  selectionCount: number;
  /** Thumbnails loaded through the History loader, by layer id. */
  thumbnails: ReadonlyMap<string, string>;
  /** Loads thumbnails of these layers; must keep its identity across renders (it is an effect's dependency). */
  onLoadThumbnailsAsync(nodeIds: readonly string[]): Promise<void>;
  conversation: ConversationLineProps;
}

/** What the selected layer's turn is, for the line under its name. */
export interface ConversationLineProps {
  turn: HistoryTurn | null;
  /** Why its record could not be read, when it could not. */
  damage: { message: string } | null;
  chain: HistoryChain | null;
  /** Results were made from this layer (it has a History to show). */
  hasHistory: boolean;
  onShowHistory(): void;
}

export function SelectionCard(props: SelectionCardProps) {
  const { mode, target, thumbnail, onLoadThumbnailsAsync } = props;
  const src = useMemo(
    () => (thumbnail ? `data:image/png;base64,${bytesToBase64(thumbnail.bytes)}` : null),
    [thumbnail],
  );
  // The sandbox sends a thumbnail of the first selected layer; a base picked among several may be another.
  const first = props.firstSelectedId;
  const missing = target !== null && thumbnail === null && target.id !== first ? target.id : null;
  useEffect(() => {
    if (missing) void onLoadThumbnailsAsync([missing]);
  }, [missing, onLoadThumbnailsAsync]);
  const shown = src ?? (missing ? (props.thumbnails.get(missing) ?? null) : null);
  if (mode === 'multiple') {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">{props.selectionCount} layers selected. Select one layer to edit it.</p>
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
        <ConversationLine {...props.conversation} />
      </div>
    </section>
  );
}

/** What the next Generate does with the selected layer: a first edit, the next turn, or a new branch. */
function ConversationLine({ turn, damage, chain, hasHistory, onShowHistory }: ConversationLineProps) {
  const history = (
    <button type="button" class="link" onClick={() => onShowHistory()}>
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
    const made = hasHistory;
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
