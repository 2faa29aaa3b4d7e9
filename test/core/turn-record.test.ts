import { describe, expect, it } from 'vitest';
import { IMAGE_SIZES } from '../../core/models.js';
import { IMAGE_ROLES } from '../../core/proxy-schema.js';
import {
  buildTurnRecord,
  MAX_TURN_RECORD_BYTES,
  parseTurnRecord,
  serializeTurnRecord,
  TURN_IMAGE_SIZES,
  TURN_INPUT_ROLES,
  type TurnDraft,
  type TurnRecord,
} from '../../core/turn-record.js';
import { utf8Length } from '../../core/utf8-length.js';

const draft: TurnDraft = {
  prompt: 'warmer light',
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '4:5', imageSize: '1K' },
  inputs: [{ nodeId: '1:2', role: 'base' }],
  usage: { inputTokens: 560, outputTokens: 1120, totalTokens: 1680, costUsd: 0.06748 },
};
const placement = {
  id: 'tabc123',
  sourceNodeId: '1:2',
  originNodeId: '5:9',
  author: { id: 'u1', name: 'Ada' },
  createdAt: '2026-01-02T03:04:05.678Z',
};
const record = buildTurnRecord(draft, placement);

describe('buildTurnRecord', () => {
  it('makes a first turn: no parent, its own root, provenance from the model', () => {
    expect(record).toEqual({
      v: 1,
      id: 'tabc123',
      parentId: null,
      rootId: 'tabc123',
      sourceNodeId: '1:2',
      originNodeId: '5:9',
      prompt: 'warmer light',
      model: 'gemini-3.1-flash-image',
      params: { aspectRatio: '4:5', imageSize: '1K' },
      inputs: [{ nodeId: '1:2', role: 'base' }],
      usage: { inputTokens: 560, outputTokens: 1120, totalTokens: 1680, costUsd: 0.06748 },
      author: { id: 'u1', name: 'Ada' },
      createdAt: '2026-01-02T03:04:05.678Z',
      provenance: { aiGenerated: true, model: 'gemini-3.1-flash-image', synthId: true },
    } satisfies TurnRecord);
  });

  it('leaves author out when there is no current user', () => {
    expect('author' in buildTurnRecord(draft, { ...placement, author: null })).toBe(false);
  });
});

describe('serialize and parse round-trip', () => {
  it('returns the same record, compact and without image bytes', () => {
    const text = serializeTurnRecord(record);
    expect(text.ok).toBe(true);
    if (!text.ok) return;
    expect(text.value).not.toMatch(/\n/);
    expect(text.value.length).toBeLessThan(1000);
    expect(parseTurnRecord(text.value)).toEqual({ ok: true, value: record });
  });

  it('treats the empty string (a missing key) as no record', () => {
    expect(parseTurnRecord('')).toEqual({ ok: true, value: null });
  });

  it('refuses to serialize an invalid record', () => {
    const result = serializeTurnRecord({ ...record, createdAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/createdAt/);
  });

  it('keeps the longest prompt of three-byte characters under the limit', () => {
    const result = serializeTurnRecord({ ...record, prompt: '語'.repeat(20_000) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(utf8Length(result.value)).toBeLessThanOrEqual(MAX_TURN_RECORD_BYTES);
  });

  it('refuses to serialize a record whose JSON passes the size limit', () => {
    // Control characters are escaped as \u0001 in JSON: six bytes each.
    const result = serializeTurnRecord({ ...record, prompt: '\u0001'.repeat(20_000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('request_too_large');
  });
});

describe('parseTurnRecord reports corrupt data as corrupt_history, never a throw', () => {
  const valid = JSON.stringify(record);
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"v":1,', /not valid JSON/],
    ['JSON but an array', '[1,2]', /not a JSON object/],
    ['JSON but a string', '"hello"', /not a JSON object/],
    ['no version', JSON.stringify({ ...record, v: undefined }), /unknown format version \(null\)/],
    ['older version', JSON.stringify({ ...record, v: 0 }), /unknown format version \(0\)/],
    ['newer version', JSON.stringify({ ...record, v: 2 }), /newer Banana Studio \(format 2\)/],
    ['missing prompt', JSON.stringify({ ...record, prompt: undefined }), /prompt: required/],
    ['wrong role', valid.replace('"base"', '"mask"'), /inputs.0.role/],
    ['negative tokens', valid.replace('"inputTokens":560', '"inputTokens":-1'), /usage.inputTokens/],
    ['not AI generated', valid.replace('"aiGenerated":true', '"aiGenerated":false'), /provenance.aiGenerated/],
    ['bad date', valid.replace('2026-01-02T03:04:05.678Z', 'Jan 2'), /createdAt/],
    ['too big', JSON.stringify({ ...record, prompt: 'x'.repeat(MAX_TURN_RECORD_BYTES) }), /larger than/],
  ];
  it.each(cases)('%s', (_name, text, why) => {
    const result = parseTurnRecord(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('corrupt_history');
    expect(result.error.message).toMatch(why);
    expect(result.error.message).toMatch(/can still be used as an image/);
  });
});

describe('lists repeated to keep full zod out of the sandbox', () => {
  it('match the sizes in core/models.ts', () => expect([...TURN_IMAGE_SIZES]).toEqual([...IMAGE_SIZES]));
  it('match the roles in core/proxy-schema.ts', () => expect([...TURN_INPUT_ROLES]).toEqual([...IMAGE_ROLES]));
});
