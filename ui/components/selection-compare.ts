/**
 * The selection card's Before / After, read from the panel's state (core/compare-source.ts picks the source, ui/actions/compare.ts
 * reads its picture): for a selected result with a source, or null.
 */
import { compareSourceOf } from '../../core/compare-source.js';
import type { PanelProps } from './props.js';
import type { SelectionCompare } from './selection-card.js';
import type { PairCompare } from './selection-kind-card.js';

/** Names of the page's result and source layers, by id, as the History last read them. */
export function layerNamesOf(state: PanelProps['state']): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const history = state.history.value;
  for (const source of history?.sources ?? []) names.set(source.nodeId, source.name);
  for (const entry of history?.entries ?? []) names.set(entry.nodeId, entry.name);
  return names;
}

/** Before / After for the selected result, wired to the compare actions, or null when it has no source to show. */
export function selectionCompareOf({ state, actions }: PanelProps): SelectionCompare | null {
  const target = state.target.value;
  if (!target) return null;
  const source = compareSourceOf(target.id, state.targetTurn.value, layerNamesOf(state));
  if (!source) return null;
  const shown = state.compare.shown.value;
  const before = shown?.key === source.resultId && shown.nodeId === source.sourceNodeId;
  return {
    sourceName: source.sourceName,
    before,
    picture: before ? state.compare.picture.value : null,
    onShow: (side) =>
      side === 0 ? void actions.showCompareAsync(source.resultId, source.sourceNodeId) : actions.showAfter(),
  };
}

/** A / B between the two selected results, or null for any other selection. */
export function pairCompareOf({ state, actions }: PanelProps): PairCompare | null {
  const [a, b, more] = state.selection.value;
  if (state.selectionKind.value.kind !== 'results' || !a || !b || more) return null;
  const key = `${a.id}|${b.id}`;
  const shown = state.compare.shown.value;
  const side = shown?.key === key ? (shown.nodeId === a.id ? 0 : 1) : null;
  return {
    layers: [
      { id: a.id, name: a.name },
      { id: b.id, name: b.name },
    ],
    shown: side,
    picture: side === null ? null : state.compare.picture.value,
    onShow: (pressed) => void actions.showCompareAsync(key, pressed === 0 ? a.id : b.id),
  };
}
