import { describe, expect, it } from 'vitest';
import {
  buildHistoryGraph,
  chainOf,
  continuationsOf,
  historyRows,
  turnOfNode,
  type HistoryEntry,
  type HistoryFocus,
} from '../../core/history-graph.js';
import { buildTurnRecord, type TurnRecord } from '../../core/turn-record.js';

/**
 * A record: `id` made on layer `node` from layer `source`, continuing `parent` (a turn id, or null), at minute
 * `minute`. Root ids follow the parents given in the same table (see `entries`).
 */
function record(id: string, node: string, source: string | null, parent: TurnRecord | null, minute: number) {
  return buildTurnRecord(
    {
      prompt: `prompt ${id}`,
      model: 'gemini-3.1-flash-image',
      params: { aspectRatio: '4:5', imageSize: '1K' },
      inputs: source ? [{ nodeId: source, role: 'base' }] : [],
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0.01 },
    },
    {
      id,
      parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
      sourceNodeId: source,
      originNodeId: node,
      author: null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    },
  );
}

const on = (nodeId: string, rec: TurnRecord, name = `layer ${nodeId}`): HistoryEntry => ({ nodeId, name, record: rec });

// The conversation of the e2e test: Poster (1:2) → t1 → t2 → t3, and b1 branching from t1.
const t1 = record('t1', '5:1', '1:2', null, 1);
const t2 = record('t2', '5:2', '5:1', t1, 2);
const t3 = record('t3', '5:3', '5:2', t2, 3);
const b1 = record('b1', '5:4', '5:1', t1, 4);
// A second direct edit of the Poster: its own conversation, a branch of the source.
const s1 = record('s1', '5:5', '1:2', null, 5);
// Text-to-image, continued once.
const g1 = record('g1', '6:1', null, null, 6);
const g2 = record('g2', '6:2', '6:1', g1, 7);
const page: HistoryEntry[] = [
  on('5:1', t1),
  on('5:2', t2),
  on('5:3', t3),
  on('5:4', b1),
  on('5:5', s1),
  on('6:1', g1),
  on('6:2', g2),
];

describe('buildHistoryGraph', () => {
  it('links children to parents, oldest first, whatever the page order', () => {
    const graph = buildHistoryGraph([...page].reverse());
    expect(graph.turns.get('t1')?.children).toEqual(['t2', 'b1']);
    expect(graph.turns.get('t2')?.children).toEqual(['t3']);
    expect(graph.turns.get('t3')?.children).toEqual([]);
    expect(turnOfNode(graph, '5:2')?.id).toBe('t2');
    expect(turnOfNode(graph, '1:2')).toBeNull();
  });

  it('lists a damaged layer apart and never as a turn', () => {
    const graph = buildHistoryGraph([...page, { nodeId: '9:9', name: 'Broken', damaged: 'not valid JSON' }]);
    expect(graph.damaged.get('9:9')).toEqual({ name: 'Broken', message: 'not valid JSON' });
    expect(turnOfNode(graph, '9:9')).toBeNull();
    expect(graph.turns.size).toBe(7);
  });

  const copyCases: [string, HistoryEntry[], { nodeId: string; fromCopy: boolean; copies: string[] }][] = [
    [
      'original first, then a duplicate',
      [on('5:2', t2), on('7:1', t2)],
      { nodeId: '5:2', fromCopy: false, copies: ['7:1'] },
    ],
    [
      'duplicate first in page order',
      [on('7:1', t2), on('5:2', t2)],
      { nodeId: '5:2', fromCopy: false, copies: ['7:1'] },
    ],
    [
      'original deleted: the first copy stands in',
      [on('7:1', t2), on('7:2', t2)],
      { nodeId: '7:1', fromCopy: true, copies: ['7:2'] },
    ],
  ];
  it.each(copyCases)('a duplicated layer is one turn: %s', (_name, entries, expected) => {
    const graph = buildHistoryGraph([on('5:1', t1), ...entries]);
    expect(graph.turns.get('t2')).toMatchObject(expected);
    expect(graph.turns.get('t1')?.children).toEqual(['t2']);
    for (const entry of entries) expect(turnOfNode(graph, entry.nodeId)?.id).toBe('t2');
  });
});

describe('chainOf', () => {
  const cases: [string, HistoryEntry[], string, string[], boolean][] = [
    ['a first turn', page, 't1', ['t1'], false],
    ['three turns back to the source', page, 't3', ['t1', 't2', 't3'], false],
    ['a branch shares the start', page, 'b1', ['t1', 'b1'], false],
    ['a deleted middle turn ends the chain there', page.filter((e) => e.nodeId !== '5:2'), 't3', ['t3'], true],
    ['an unknown turn has no chain', page, 'nope', [], false],
  ];
  it.each(cases)('%s', (_name, entries, turnId, ids, missing) => {
    const chain = chainOf(buildHistoryGraph(entries), turnId);
    expect(chain.turns.map((t) => t.id)).toEqual(ids);
    expect(chain.missing).toBe(missing);
  });

  it('cuts a cycle in hand-edited data instead of looping', () => {
    const a = { ...record('a', '8:1', '8:2', null, 1), parentId: 'b', rootId: 'a' };
    const b = { ...record('b', '8:2', '8:1', null, 2), parentId: 'a', rootId: 'a' };
    const chain = chainOf(buildHistoryGraph([on('8:1', a), on('8:2', b)]), 'a');
    expect(chain.turns.map((t) => t.id)).toEqual(['b', 'a']);
  });
});

describe('historyRows', () => {
  type Row = [id: string, level: number, generation: number, flags: string];
  const flags = (r: ReturnType<typeof historyRows>['rows'][number]): string =>
    [
      r.current ? 'current' : '',
      r.onPath && !r.current ? 'path' : '',
      r.branchOf ? `branch of ${r.branchOf}` : '',
      r.branchOfSource ? 'branch of source' : '',
      r.missingParent ? 'missing parent' : '',
    ]
      .filter(Boolean)
      .join(', ');
  const cases: [string, HistoryEntry[], HistoryFocus, string | null, Row[]][] = [
    [
      'the last turn: its line, the branch after it, then the source’s other conversation',
      page,
      { turnId: 't3' },
      '1:2',
      [
        ['t1', 0, 1, 'path'],
        ['t2', 0, 2, 'path'],
        ['t3', 0, 3, 'current'],
        ['b1', 1, 2, 'branch of t1'],
        ['s1', 1, 1, 'branch of source'],
      ],
    ],
    [
      'the branch: same rows, the path goes through it',
      page,
      { turnId: 'b1' },
      '1:2',
      [
        ['t1', 0, 1, 'path'],
        ['t2', 0, 2, ''],
        ['t3', 0, 3, ''],
        ['b1', 1, 2, 'current, branch of t1'],
        ['s1', 1, 1, 'branch of source'],
      ],
    ],
    [
      'the source layer itself: everything made from it, nothing current',
      page,
      { sourceNodeId: '1:2' },
      '1:2',
      [
        ['t1', 0, 1, ''],
        ['t2', 0, 2, ''],
        ['t3', 0, 3, ''],
        ['b1', 1, 2, 'branch of t1'],
        ['s1', 1, 1, 'branch of source'],
      ],
    ],
    [
      'text-to-image: no source, its own conversation only',
      page,
      { turnId: 'g2' },
      null,
      [
        ['g1', 0, 1, 'path'],
        ['g2', 0, 2, 'current'],
      ],
    ],
    [
      'a deleted first turn: the pieces start their own lines',
      page.filter((e) => e.nodeId !== '5:1'),
      { turnId: 't3' },
      null,
      [
        ['t2', 0, 2, 'path, missing parent'],
        ['t3', 0, 3, 'current'],
        ['b1', 0, 2, 'missing parent'],
      ],
    ],
    ['an unknown turn: nothing', page, { turnId: 'nope' }, null, []],
  ];
  it.each(cases)('%s', (_name, entries, focus, sourceNodeId, expected) => {
    const result = historyRows(buildHistoryGraph(entries), focus);
    expect(result.sourceNodeId).toBe(sourceNodeId);
    expect(result.rows.map((r): Row => [r.turn.id, r.level, r.generation, flags(r)])).toEqual(expected);
  });
});

describe('continuationsOf', () => {
  const cases: [string, HistoryEntry[], string, string[], string[]][] = [
    [
      'the source: its two direct edits, and all that follows',
      page,
      '1:2',
      ['5:1', '5:5'],
      ['5:1', '5:5', '5:2', '5:4', '5:3'],
    ],
    ['a result continued twice (a branch)', page, '5:1', ['5:2', '5:4'], ['5:2', '5:4', '5:3']],
    ['the last turn: nothing yet', page, '5:3', [], []],
    ['a layer nothing was made from', page, '4:4', [], []],
    [
      'a duplicate of a result is not part of the layout',
      [...page, on('7:1', t2)],
      '5:1',
      ['5:2', '5:4'],
      ['5:2', '5:4', '5:3'],
    ],
    [
      'a turn continued from a duplicate counts for the duplicate',
      [...page, on('7:1', t2), on('7:2', record('c1', '7:2', '7:1', t2, 9))],
      '7:1',
      ['7:2'],
      ['7:2'],
    ],
    ['damaged layers are skipped', [...page, { nodeId: '9:9', name: 'x', damaged: 'bad' }], '5:2', ['5:3'], ['5:3']],
  ];
  it.each(cases)('%s', (_name, entries, nodeId, direct, all) => {
    expect(continuationsOf(entries, nodeId)).toEqual({ direct, all });
  });
});
