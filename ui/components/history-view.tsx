/**
 * The History view (issue 6): the selected result's conversation back to its source, as a tree: the line it
 * was made on, and each branch indented under the turn it came from. Clicking a turn selects its layer;
 * "Continue from here" makes the next prompt continue it. Damaged, copied and half-missing histories say so.
 */
import { useEffect } from 'preact/hooks';
import type { PanelProps } from './props.js';
import { HistoryRowItem } from './history-row.js';
import { ProvenanceNote } from './provenance-note.js';

export function HistoryView({ state, actions }: PanelProps) {
  const target = state.target.value;
  const view = state.historyView.value;
  const turn = state.targetTurn.value;
  const damage = state.targetDamage.value;
  const chain = state.targetChain.value;
  const ids = view ? [...(view.sourceNodeId ? [view.sourceNodeId] : []), ...view.rows.map((r) => r.turn.nodeId)] : [];
  const idsKey = ids.join(',');
  useEffect(() => {
    if (ids.length > 0) void actions.loadThumbnailsAsync(ids);
    // Keyed by the ids' text: the array itself is rebuilt on every render.
  }, [idsKey, actions]);

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
  const sourceThumb = view?.sourceNodeId ? state.thumbnails.value.get(view.sourceNodeId) : undefined;
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
              <li class={`turn source${view.sourceIsTarget ? ' current' : ''}`}>
                <button
                  type="button"
                  class="turn-main"
                  aria-current={view.sourceIsTarget ? 'true' : undefined}
                  title="Select the source layer on the canvas"
                  onClick={() => void actions.selectLayerAsync(view.sourceNodeId!)}
                >
                  <span class="turn-thumb" aria-hidden="true">
                    {sourceThumb ? <img src={sourceThumb} alt="" /> : null}
                  </span>
                  <span class="turn-text">
                    <span class="turn-prompt">{view.sourceName ?? 'Source layer'}</span>
                    <span class="turn-meta">Source · not changed by any turn</span>
                  </span>
                </button>
                <button
                  type="button"
                  class="link turn-continue"
                  aria-label="Continue from here: the source layer"
                  onClick={() => void actions.continueFromAsync(view.sourceNodeId!)}
                >
                  Continue from here
                </button>
              </li>
            )}
            {view.rows.map((row) => (
              <HistoryRowItem
                key={row.turn.id}
                state={state}
                actions={actions}
                row={row}
                branchOfGeneration={row.branchOf ? (generationOf.get(row.branchOf) ?? null) : null}
              />
            ))}
          </ol>
          {turn && current && (
            <ProvenanceNote state={state} actions={actions} turn={turn} generation={current.generation} />
          )}
        </>
      )}
    </section>
  );
}
