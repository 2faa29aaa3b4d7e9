import { describe, expect, it } from 'vitest';
import { compareSourceOf } from '../../core/compare-source.js';
import { buildTurnRecord, type ReplacedFill, type TurnRecord } from '../../core/turn-record.js';

/** The record of a turn made on layer `node` from layer `source` (null: text-to-image). */
function turnOf(node: string, source: string | null, replacedFill?: ReplacedFill): { record: TurnRecord } {
  const record = buildTurnRecord(
    {
      prompt: 'warmer light',
      model: 'gemini-3.1-flash-image',
      params: { aspectRatio: '4:5', imageSize: '1K' },
      inputs: source ? [{ nodeId: source, role: 'base' }] : [],
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0.01 },
    },
    {
      id: `t-${node}`,
      parent: null,
      sourceNodeId: source,
      originNodeId: node,
      replacedFill,
      author: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  );
  return { record };
}

const names = new Map([['1:2', 'Poster']]);

describe('compareSourceOf', () => {
  it('compares an edit with the layer it was made from, named when the page lists it', () => {
    expect(compareSourceOf('5:1', turnOf('5:1', '1:2'), names)).toEqual({
      resultId: '5:1',
      sourceNodeId: '1:2',
      sourceName: 'Poster',
    });
    expect(compareSourceOf('5:1', turnOf('5:1', '9:9'), names)?.sourceName).toBeNull();
  });

  it('a duplicate of a result compares with the same source', () => {
    expect(compareSourceOf('6:1', turnOf('5:1', '1:2'), names)?.sourceNodeId).toBe('1:2');
  });

  it('has nothing to compare for a layer with no turn, a text-to-image result, or an Apply in place turn', () => {
    expect(compareSourceOf('1:2', null, names)).toBeNull();
    expect(compareSourceOf('5:1', turnOf('5:1', null), names)).toBeNull();
    const fill: ReplacedFill = { imageHash: 'abc', scaleMode: 'FILL', index: 0 };
    expect(compareSourceOf('1:2', turnOf('1:2', '1:2', fill), names)).toBeNull();
  });
});
