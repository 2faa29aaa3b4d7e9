/**
 * What a selected result is compared against (docs/architecture.md#before-and-after): the layer its turn was made
 * from, as its record names it (`sourceNodeId`: the frame or image edited, the region's host for a regional edit, the
 * earlier result for a continued turn). Text-to-image results have no source, and an Apply in place turn's source
 * is the result layer itself, whose earlier fill is hidden under the new one, so neither has a Before to show. Pure.
 */
import type { HistoryTurn } from './history-graph.js';

/** The source of the result on `layerId`, to show as Before, with its name when the page still lists it. */
export interface CompareSource {
  resultId: string;
  sourceNodeId: string;
  sourceName: string | null;
}

/** The Before of the selected result `layerId`, whose turn is `turn`; null when it has none to show. */
export function compareSourceOf(
  layerId: string,
  turn: Pick<HistoryTurn, 'record'> | null,
  names: ReadonlyMap<string, string>,
): CompareSource | null {
  const sourceNodeId = turn?.record.sourceNodeId ?? null;
  if (sourceNodeId === null || sourceNodeId === layerId || turn?.record.replacedFill) return null;
  return { resultId: layerId, sourceNodeId, sourceName: names.get(sourceNodeId) ?? null };
}
