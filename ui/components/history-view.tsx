/**
 * The History view (docs/architecture.md#the-history-graph): the selected result's conversation back to its source, as
 * a tree: the line it was made on, and each branch indented under the turn it came from. Clicking a turn selects its
 * layer; "Continue from here" makes the next prompt continue it. Damaged, copied and half-missing histories say so.
 */
import { useEffect } from 'preact/hooks';
import type { HistoryChain, HistoryRows, HistoryTurn } from '../../core/history-graph.js';
import type { NodeSnapshot } from '../../core/messages.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { HistoryRowItem } from './history-row.js';
import { ProvenanceNote } from './provenance-note.js';

/** The rows to show, with the source layer's name and whether it is the layer selected. */
export type HistoryViewRows = HistoryRows & { sourceName: string | null; sourceIsTarget: boolean };

export interface HistoryViewProps {
  /** The layer selected for editing, if any. */
  target: NodeSnapshot | null;
  view: HistoryViewRows | null;
  /** The target's turn, why its record could not be read, and its chain. */
  turn: HistoryTurn | null;
  damage: { message: string } | null;
  chain: HistoryChain | null;
  /** Thumbnails loaded so far, by layer id. */
  thumbnails: ReadonlyMap<string, string>;
  models: readonly PublicModel[];
  /** Loads thumbnails of these layers; must keep its identity across renders (it is an effect's dependency). */
  onLoadThumbnailsAsync(nodeIds: readonly string[]): Promise<void>;
  onSelectLayer(nodeId: string): void;
  onContinueFrom(nodeId: string): void;
}

export function HistoryView(props: HistoryViewProps) {
  const { target, view, turn, damage, chain, onLoadThumbnailsAsync } = props;
  const ids = view ? [...(view.sourceNodeId ? [view.sourceNodeId] : []), ...view.rows.map((r) => r.turn.nodeId)] : [];
  const idsKey = ids.join(',');
  useEffect(() => {
    if (ids.length > 0) void onLoadThumbnailsAsync(ids);
    // Keyed by the ids' text: the array itself is rebuilt on every render.
  }, [idsKey, onLoadThumbnailsAsync]);

  if (!target && !view) {
    return (
      <section class="stack" aria-label="History">
        <p class="muted">Select a result made with Banana Studio to see its history.</p>
      </section>
    );
  }
  const generationOf = new Map(view?.rows.map((r) => [r.turn.id, r.generation]) ?? []);
  const current = view?.rows.find((r) => r.current) ?? null;
  const branches = view?.rows.filter((r) => r.level > 0 && (r.branchOf !== null || r.branchOfSource)).length ?? 0;
  return (
    <section class="stack history" aria-label="History">
      {damage && (
        <p class="banner info" role="status">
          {damage.message}
        </p>
      )}
      {!view ? (
        damage || !target ? null : (
          <p class="muted">“{target.name}” was not made with Banana Studio, and nothing has been made from it yet.</p>
        )
      ) : (
        <>
          <p class="muted history-summary">
            {view.rows.length === 1 ? '1 turn' : `${view.rows.length} turns`}
            {branches > 0 ? ` · ${branches === 1 ? '1 branch' : `${branches} branches`}` : ''}. Click a turn to select
            its layer.
          </p>
          {!target && <p class="note muted">Nothing is selected: this is the history shown last.</p>}
          {target && turn && turn.record.originNodeId !== target.id && (
            <p class="note muted">
              This layer is a copy of turn {current?.generation ?? ''}. Continuing from it continues that turn from this
              copy’s pixels; the result goes beside the copy.
            </p>
          )}
          {chain?.missing && (
            <p class="note muted">Earlier turns are not on this page: they were deleted, or are in another file.</p>
          )}
          <ol class="history-list">
            {view.sourceNodeId && (
              <SourceRow
                nodeId={view.sourceNodeId}
                name={view.sourceName}
                selected={view.sourceIsTarget}
                thumbnail={props.thumbnails.get(view.sourceNodeId)}
                onSelectLayer={props.onSelectLayer}
                onContinueFrom={props.onContinueFrom}
              />
            )}
            {view.rows.map((row) => (
              <HistoryRowItem
                key={row.turn.id}
                row={row}
                branchOfGeneration={row.branchOf ? (generationOf.get(row.branchOf) ?? null) : null}
                thumbnail={props.thumbnails.get(row.turn.nodeId)}
                models={props.models}
                onSelectLayer={props.onSelectLayer}
                onContinueFrom={props.onContinueFrom}
              />
            ))}
          </ol>
          {turn && current && <ProvenanceNote turn={turn} generation={current.generation} models={props.models} />}
        </>
      )}
    </section>
  );
}

interface SourceRowProps {
  nodeId: string;
  name: string | null;
  /** The source is the layer selected. */
  selected: boolean;
  thumbnail: string | undefined;
  onSelectLayer(nodeId: string): void;
  onContinueFrom(nodeId: string): void;
}

/** The first row: the layer the turns were made from, which no turn changes. */
function SourceRow({ nodeId, name, selected, thumbnail, onSelectLayer, onContinueFrom }: SourceRowProps) {
  return (
    <li class={`turn source${selected ? ' current' : ''}`}>
      <button
        type="button"
        class="turn-main"
        aria-current={selected ? 'true' : undefined}
        title="Select the source layer on the canvas"
        onClick={() => onSelectLayer(nodeId)}
      >
        <span class="turn-thumb" aria-hidden="true">
          {thumbnail ? <img src={thumbnail} alt="" /> : null}
        </span>
        <span class="turn-text">
          <span class="turn-prompt">{name ?? 'Source layer'}</span>
          <span class="turn-meta">Source · not changed by any turn</span>
        </span>
      </button>
      <button
        type="button"
        class="link turn-continue"
        aria-label="Continue from here: the source layer"
        onClick={() => onContinueFrom(nodeId)}
      >
        Continue from here
      </button>
    </li>
  );
}
