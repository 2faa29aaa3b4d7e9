import { describe, expect, it } from 'vitest';
import {
  buildTurnRecord,
  isCopyOf,
  MAX_TURN_RECORD_BYTES,
  parseTurnRecord,
  serializeTurnRecord,
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
  parent: null,
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

  it('keeps the brand guidance a turn sent, and reads it back; a record without it has none', () => {
    const brand = { guidance: 'Brand colours: Primary #E63B2E.', logoNodeId: '1:8' };
    const branded = buildTurnRecord({ ...draft, brand }, placement);
    expect(branded.brand).toEqual(brand);
    const text = serializeTurnRecord(branded);
    expect(text.ok && parseTurnRecord(text.value)).toEqual({ ok: true, value: branded });
    expect('brand' in record).toBe(false);
  });

  it("writes an instant adjustment's provenance as given, and reads a not-AI-generated adjustment back", () => {
    const provenance = { aiGenerated: false, model: 'figma-image-filters', synthId: false };
    const adjusted = buildTurnRecord(
      { ...draft, tool: { name: 'adjust', filters: { temperature: 0.3 } } },
      { ...placement, provenance },
    );
    expect(adjusted.provenance).toEqual(provenance);
    const read = parseTurnRecord(JSON.stringify(adjusted));
    expect(read.ok && read.value?.provenance).toEqual(provenance);
  });

  it('leaves author out when there is no current user', () => {
    expect('author' in buildTurnRecord(draft, { ...placement, author: null })).toBe(false);
  });

  it('continues a parent: its id as parent, its root as root', () => {
    const child = buildTurnRecord(draft, { ...placement, id: 't2', parent: { id: 'tabc123', rootId: 'tabc123' } });
    expect(child).toMatchObject({ id: 't2', parentId: 'tabc123', rootId: 'tabc123' });
    const grandchild = buildTurnRecord(draft, { ...placement, id: 't3', parent: { id: 't2', rootId: 'tabc123' } });
    expect(grandchild).toMatchObject({ id: 't3', parentId: 't2', rootId: 'tabc123' });
  });

  it('keeps input hashes, the region, the cache flag and the result hash when given', () => {
    const hash = 'a9993e364706816aba3e25717850c26c9cd0d89d';
    const full = buildTurnRecord(
      {
        ...draft,
        inputs: [{ nodeId: '1:2', role: 'base', hash }],
        region: { nodeId: '4:4', x: 10, y: 20, width: 30, height: 40 },
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0, cached: true },
      },
      { ...placement, resultHash: 'f'.repeat(40) },
    );
    expect(full).toMatchObject({
      inputs: [{ nodeId: '1:2', role: 'base', hash }],
      region: { nodeId: '4:4', x: 10, y: 20, width: 30, height: 40 },
      usage: { cached: true },
      resultHash: 'f'.repeat(40),
    });
    const text = serializeTurnRecord(full);
    expect(text.ok && parseTurnRecord(text.value)).toEqual({ ok: true, value: full });
  });

  it('tells a duplicate (a record that travelled with a copied layer) from the original', () => {
    expect(isCopyOf(record, '5:9')).toBe(false);
    expect(isCopyOf(record, '7:1')).toBe(true);
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

describe('compatible extension', () => {
  it('reads a record written before the optional fields existed', () => {
    const firstRelease = JSON.stringify({ ...record, inputs: [{ nodeId: '1:2', role: 'base' }] });
    expect(parseTurnRecord(firstRelease)).toEqual({ ok: true, value: record });
  });

  it('drops fields it does not know, as an older plugin reads a newer record of the same version', () => {
    const later = JSON.stringify({ ...record, somethingNew: { a: 1 } });
    expect(parseTurnRecord(later)).toEqual({ ok: true, value: record });
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['a hash that is not SHA-1 hex', { inputs: [{ nodeId: '1:2', role: 'base', hash: 'XYZ' }] }, /inputs.0.hash/],
    ['a region without area', { region: { x: 0, y: 0, width: 0, height: 5 } }, /region.width/],
    ['a cache flag that is not a boolean', { usage: { ...record.usage, cached: 'yes' } }, /usage.cached/],
    ['more than 14 inputs', { inputs: Array.from({ length: 15 }, () => ({ nodeId: '1:2', role: 'style' })) }, /inputs/],
  ];
  it.each(bad)('reports %s as damaged', (_name, change, why) => {
    const result = parseTurnRecord(JSON.stringify({ ...record, ...change }));
    expect(result.ok ? null : result.error.code).toBe('corrupt_history');
    if (!result.ok) expect(result.error.message).toMatch(why);
  });
});
