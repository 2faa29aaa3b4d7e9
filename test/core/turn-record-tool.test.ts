/** The `tool` of a turn record (core/image-tool.ts) with Expand's and Boost's fields: written, stored and read back. */
import { describe, expect, it } from 'vitest';
import { buildTurnRecord, parseTurnRecord, serializeTurnRecord, type TurnDraft } from '../../core/turn-record.js';

const draft: TurnDraft = {
  prompt: 'Extend the scene into the empty white area around the picture',
  model: 'gemini-nano-banana-2.1',
  params: { aspectRatio: '16:9', imageSize: '2K' },
  inputs: [{ nodeId: '1:2', role: 'base' }],
  usage: { inputTokens: 580, outputTokens: 1680, totalTokens: 2260, costUsd: 0.05 },
};
const placement = {
  id: 't1',
  parent: null,
  sourceNodeId: '1:2',
  originNodeId: '5:9',
  author: null,
  createdAt: '2026-01-02T03:04:05.678Z',
};

describe('a tool turn record', () => {
  it.each([
    {
      name: 'expand' as const,
      canvas: { width: 1066.67, height: 600 },
      original: { x: 233.34, y: 0, width: 600, height: 600 },
    },
    { name: 'boost' as const, pixelsBefore: { width: 600, height: 600 }, pixelsAfter: { width: 4096, height: 4096 } },
  ])('keeps $name’s fields through a save and a read', (tool) => {
    const record = buildTurnRecord({ ...draft, tool }, placement);
    expect(record.tool).toEqual(tool);
    const text = serializeTurnRecord(record);
    expect(text.ok && parseTurnRecord(text.value)).toEqual({ ok: true, value: record });
  });

  it('refuses a tool field that is not a size', () => {
    const record = buildTurnRecord(
      { ...draft, tool: { name: 'boost', pixelsAfter: { width: 0, height: 10 } } },
      placement,
    );
    expect(serializeTurnRecord(record).ok).toBe(false);
  });
});
