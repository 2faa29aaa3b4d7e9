/** PLACE_RESULT's press fields (core/ui-messages.ts) and the reply's `sourceDeleted` (core/reply-values.ts). */
import { describe, expect, it } from 'vitest';
import { parseReplyValue, parseUiMessage } from '../../core/messages.js';
import { buildTurnRecord, type TurnDraft } from '../../core/turn-record.js';

const draft: TurnDraft = {
  prompt: 'warmer light',
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '4:5', imageSize: '1K' },
  inputs: [{ nodeId: '1:2', role: 'base' }],
  usage: { inputTokens: 10, outputTokens: 1120, totalTokens: 1130, costUsd: 0.067 },
};
const base = { type: 'PLACE_RESULT', requestId: 4, image: Uint8Array.of(0x89, 0x50), sourceNodeId: '1:2', turn: draft };
const box = { x: -20, y: 40, width: 540, height: 675 };

describe('PLACE_RESULT with the press', () => {
  it('takes the ids selected at the press, the source as it was and Apply in place', () => {
    const message = {
      ...base,
      pressedSelection: ['1:2', '1:7'],
      pressedSource: { name: 'Poster', box },
      applyInPlace: true,
    };
    expect(parseUiMessage(message)).toMatchObject({ ok: true, message });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a pressed source with no size',
      { pressedSource: { name: 'Poster', box: { ...box, width: 0 } } },
      /pressedSource.box.width/,
    ],
    ['a pressed selection that is no list of ids', { pressedSelection: '1:2' }, /pressedSelection/],
    ['an empty id in the pressed selection', { pressedSelection: [''] }, /pressedSelection/],
    ['Apply in place that is not a boolean', { applyInPlace: 'yes' }, /applyInPlace/],
  ])('refuses %s', (_name, more, detail) => {
    const parsed = parseUiMessage({ ...base, ...more });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(detail);
  });
});

describe('the PLACE_RESULT reply', () => {
  const record = buildTurnRecord(draft, {
    id: 't1',
    parent: null,
    sourceNodeId: '1:2',
    originNodeId: '5:1',
    author: null,
    createdAt: '2026-01-02T03:04:05.678Z',
  });
  const placed = { nodeId: '5:1', name: 'Poster — warmer light', x: -20, y: 40, width: 540, height: 675, record };

  it('says when the source was deleted meanwhile, and is read without it too', () => {
    expect(parseReplyValue('PLACE_RESULT', { ...placed, sourceDeleted: { name: 'Poster' } }).ok).toBe(true);
    expect(parseReplyValue('PLACE_RESULT', placed).ok).toBe(true);
    expect(parseReplyValue('PLACE_RESULT', { ...placed, sourceDeleted: true }).ok).toBe(false);
  });
});
