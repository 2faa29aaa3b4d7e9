import { describe, expect, it } from 'vitest';
import { buildHistoryGraph, turnOfNode } from '../../core/history-graph.js';
import { focusToRemember, historyViewOf, type RememberedFocus } from '../../core/history-view.js';
import { chain, poster } from './turn-plan-cases.js';

const entries = [
  { nodeId: '5:1', name: 'Poster — prompt t1', record: chain[0]! },
  { nodeId: '5:2', name: 'Poster — prompt t2', record: chain[1]! },
];
const sources = [{ nodeId: poster.id, name: 'Poster' }];
const full = buildHistoryGraph(entries);
const undone = buildHistoryGraph(entries.slice(0, 1));

/** The rows as `turn:current`, or null for no view. */
function rowsOf(view: ReturnType<typeof historyViewOf>): string[] | null {
  return view ? view.rows.map((row) => `${row.turn.id}:${row.current}`) : null;
}

describe('historyViewOf', () => {
  it.each<[string, Parameters<typeof historyViewOf>[0], string[] | null]>([
    [
      'a selected result: its conversation, itself current',
      { graph: full, sources, layer: { id: '5:2' }, turn: turnOfNode(full, '5:2'), remembered: null },
      ['t1:false', 't2:true'],
    ],
    [
      'the selected source: what was made from it',
      { graph: full, sources, layer: { id: poster.id }, turn: null, remembered: null },
      ['t1:false', 't2:false'],
    ],
    [
      'nothing selected, nothing shown before',
      { graph: full, sources, layer: null, turn: null, remembered: null },
      null,
    ],
    [
      'nothing selected after ⌘Z undid the shown turn: from its parent, nothing current',
      { graph: undone, sources, layer: null, turn: null, remembered: { turnId: 't2', parentId: 't1' } },
      ['t1:false'],
    ],
    [
      'nothing selected, the shown turn and its parent gone',
      { graph: buildHistoryGraph([]), sources, layer: null, turn: null, remembered: { turnId: 't2', parentId: 't1' } },
      null,
    ],
    [
      'nothing selected after a source was shown: that source’s results',
      { graph: full, sources, layer: null, turn: null, remembered: { sourceNodeId: poster.id } },
      ['t1:false', 't2:false'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(rowsOf(historyViewOf(input))).toEqual(expected);
  });

  it('names the source, and says when the selected layer is it', () => {
    const view = historyViewOf({ graph: full, sources, layer: { id: poster.id }, turn: null, remembered: null });
    expect(view).toMatchObject({ sourceNodeId: poster.id, sourceName: 'Poster', sourceIsTarget: true });
  });

  it('remembers a turn with its parent, or a source layer', () => {
    const remembered: RememberedFocus[] = [
      focusToRemember({ id: '5:2' }, turnOfNode(full, '5:2')),
      focusToRemember(poster, null),
    ];
    expect(remembered).toEqual([{ turnId: 't2', parentId: 't1' }, { sourceNodeId: poster.id }]);
  });
});
