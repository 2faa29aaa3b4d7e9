/**
 * What the History view shows (core/history-graph.ts `historyRows`): the selected result's conversation, or what was
 * made from the selected layer. With nothing selected (after ⌘Z took the selected result away, say) it keeps showing
 * the history it showed last, from the undone turn's parent, with no row marked current.
 */
import {
  historyRows,
  type HistoryFocus,
  type HistoryGraph,
  type HistoryRows,
  type HistoryTurn,
} from './history-graph.js';

/** What the view showed last while a layer was selected: a turn (with its parent, in case it goes) or a source. */
export type RememberedFocus = { turnId: string; parentId: string | null } | { sourceNodeId: string };

/** What the view is derived from. */
export interface HistoryViewInput {
  graph: HistoryGraph;
  /** The page's source layers, to name the source (`HistorySnapshot.sources`). */
  sources: readonly { nodeId: string; name: string }[];
  /** The selected layer, or null. */
  layer: { id: string } | null;
  /** The turn the selected layer carries, or null. */
  turn: HistoryTurn | null;
  /** What it showed last, for when nothing is selected. */
  remembered: RememberedFocus | null;
}

/** The rows to show, with the source's name and whether the selected layer is that source; null for nothing. */
export type HistoryView = HistoryRows & { sourceName: string | null; sourceIsTarget: boolean };

/** The History view for the selection, or for what it showed last when nothing is selected. */
export function historyViewOf(input: HistoryViewInput): HistoryView | null {
  const { graph, layer, turn, remembered } = input;
  const focus = layer
    ? turn
      ? { turnId: turn.id }
      : { sourceNodeId: layer.id }
    : focusOfRemembered(graph, remembered);
  if (!focus) return null;
  const view = historyRows(graph, focus);
  if (view.rows.length === 0) return null;
  const rows = layer ? view.rows : view.rows.map((row) => ({ ...row, current: false }));
  const sourceName =
    view.sourceNodeId === null ? null : (input.sources.find((s) => s.nodeId === view.sourceNodeId)?.name ?? null);
  return { ...view, rows, sourceName, sourceIsTarget: layer !== null && view.sourceNodeId === layer.id };
}

/** What to remember of a selection whose view has rows. */
export function focusToRemember(layer: { id: string }, turn: HistoryTurn | null): RememberedFocus {
  return turn ? { turnId: turn.id, parentId: turn.record.parentId } : { sourceNodeId: layer.id };
}

function focusOfRemembered(graph: HistoryGraph, remembered: RememberedFocus | null): HistoryFocus | null {
  if (!remembered) return null;
  if ('sourceNodeId' in remembered) return remembered;
  if (graph.turns.has(remembered.turnId)) return { turnId: remembered.turnId };
  return remembered.parentId && graph.turns.has(remembered.parentId) ? { turnId: remembered.parentId } : null;
}
