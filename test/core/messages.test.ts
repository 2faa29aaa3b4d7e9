import { describe, expect, it } from 'vitest';
import {
  parseReplyValue,
  parseSandboxMessage,
  parseUiMessage,
  SANDBOX_MESSAGE_TYPES,
  UI_MESSAGE_TYPES,
} from '../../core/messages.js';
import { buildTurnRecord, type TurnDraft } from '../../core/turn-record.js';

const draft: TurnDraft = {
  prompt: 'warmer light',
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '4:5', imageSize: '1K' },
  inputs: [{ nodeId: '1:2', role: 'base' }],
  usage: { inputTokens: 10, outputTokens: 1120, totalTokens: 1130, costUsd: 0.067 },
};
const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
const turnRecord = buildTurnRecord(draft, {
  id: 't1',
  parent: null,
  sourceNodeId: '1:2',
  originNodeId: '5:1',
  author: null,
  createdAt: '2026-01-02T03:04:05.678Z',
});

describe('parseUiMessage accepts one valid message of every type', () => {
  const valid: Record<(typeof UI_MESSAGE_TYPES)[number], unknown> = {
    UI_READY: { type: 'UI_READY' },
    LOAD_SETTINGS: { type: 'LOAD_SETTINGS', requestId: 1 },
    SAVE_SETTINGS: { type: 'SAVE_SETTINGS', requestId: 2, settings: { proxyUrl: 'https://p.example', token: 't' } },
    EXPORT_NODE: { type: 'EXPORT_NODE', requestId: 3, nodeId: '1:2', maxSide: 4096 },
    PLACE_RESULT: { type: 'PLACE_RESULT', requestId: 4, image: png, sourceNodeId: '1:2', turn: draft },
    SELECT_NODES: { type: 'SELECT_NODES', requestId: 5, nodeIds: ['1:2', '3:4'] },
    READ_TURN: { type: 'READ_TURN', requestId: 6, nodeId: '1:2' },
    READ_HISTORY: { type: 'READ_HISTORY', requestId: 7 },
    READ_THUMBNAIL: { type: 'READ_THUMBNAIL', requestId: 8, nodeId: '5:1' },
    NOTIFY: { type: 'NOTIFY', message: 'Done', error: false },
    RESIZE_PANEL: { type: 'RESIZE_PANEL', width: 420, height: 640, final: true },
    MAKE_COMPONENT_SET: { type: 'MAKE_COMPONENT_SET', requestId: 9, nodeIds: ['5:1', '5:2'] },
    READ_PUBLISH_STATUS: { type: 'READ_PUBLISH_STATUS', requestId: 10, nodeId: '6:1' },
    READ_IMAGE_PIXELS: { type: 'READ_IMAGE_PIXELS', requestId: 13, nodeId: '1:2' },
    EXPORT_SOURCE: {
      type: 'EXPORT_SOURCE',
      requestId: 11,
      nodeId: '1:2',
      scale: 2,
      hideText: true,
      hideNodeIds: ['1:9'],
    },
    EXPORT_REGION_MASK: {
      type: 'EXPORT_REGION_MASK',
      requestId: 12,
      sourceNodeId: '1:2',
      shapeNodeId: '1:9',
      scale: 2,
    },
    READ_BRAND: { type: 'READ_BRAND', requestId: 13 },
    SET_BRAND_FRAME: { type: 'SET_BRAND_FRAME', requestId: 14, nodeId: null },
    READ_FILE_KEY: { type: 'READ_FILE_KEY', requestId: 15 },
    ADJUST_IMAGE: { type: 'ADJUST_IMAGE', requestId: 16, nodeId: '1:2', filters: { temperature: 0.3 }, turn: draft },
    PEEK_FILE_KEY: { type: 'PEEK_FILE_KEY', requestId: 18 },
    KEEP_BATCH_NOTE: {
      type: 'KEEP_BATCH_NOTE',
      requestId: 16,
      jobId: '5e5b358f-3bb3-44d3-ac69-09d52f574847',
      note: {
        prompt: 'warmer light',
        layers: { '1:2': { name: 'Poster', box: { x: 0, y: 0, width: 540, height: 675 } } },
      },
    },
    READ_BATCH_NOTE: { type: 'READ_BATCH_NOTE', requestId: 17, jobId: 'job_1' },
  };
  it.each(Object.entries(valid))('%s', (_type, message) => {
    const parsed = parseUiMessage(message);
    expect(parsed).toEqual({ ok: true, message });
  });
});

describe('parseUiMessage rejects malformed messages with bad_message', () => {
  const cases: [string, unknown, number | null, RegExp][] = [
    ['not an object', 'hello', null, /without a type/],
    ['null', null, null, /without a type/],
    ['no type', { requestId: 7 }, 7, /without a type/],
    ['unknown type', { type: 'DELETE_EVERYTHING', requestId: 8 }, 8, /not a known message type/],
    ['request without requestId', { type: 'LOAD_SETTINGS' }, null, /requestId: required/],
    ['negative requestId', { type: 'LOAD_SETTINGS', requestId: -1 }, null, /requestId/],
    ['fractional requestId', { type: 'LOAD_SETTINGS', requestId: 1.5 }, null, /requestId/],
    ['string requestId', { type: 'LOAD_SETTINGS', requestId: '1' }, null, /requestId/],
    ['unknown field', { type: 'UI_READY', colour: 'red' }, null, /unknown field "colour"/],
    [
      'export over 4096',
      { type: 'EXPORT_NODE', requestId: 9, nodeId: '1:2', maxSide: 4097 },
      9,
      /maxSide: at most 4096/,
    ],
    ['export of empty id', { type: 'EXPORT_NODE', requestId: 10, nodeId: '', maxSide: 100 }, 10, /nodeId/],
    [
      'source export at scale 0',
      { type: 'EXPORT_SOURCE', requestId: 21, nodeId: '1:2', scale: 0, hideText: false, hideNodeIds: [] },
      21,
      /scale/,
    ],
    [
      'mask without a shape',
      { type: 'EXPORT_REGION_MASK', requestId: 22, sourceNodeId: '1:2', scale: 1 },
      22,
      /shapeNodeId/,
    ],
    [
      'liveText that is not a boolean',
      { type: 'PLACE_RESULT', requestId: 23, image: png, sourceNodeId: '1:2', turn: draft, liveText: 'yes' },
      23,
      /liveText/,
    ],
    [
      'image as an array',
      { type: 'PLACE_RESULT', requestId: 11, image: [1, 2], sourceNodeId: null, turn: draft },
      11,
      /Uint8Array/,
    ],
    [
      'image as base64',
      { type: 'PLACE_RESULT', requestId: 12, image: 'iVBOR', sourceNodeId: null, turn: draft },
      12,
      /image/,
    ],
    [
      'turn without prompt',
      { type: 'PLACE_RESULT', requestId: 13, image: png, sourceNodeId: null, turn: { ...draft, prompt: '' } },
      13,
      /turn.prompt/,
    ],
    [
      'turn with unknown size',
      {
        type: 'PLACE_RESULT',
        requestId: 14,
        image: png,
        sourceNodeId: null,
        turn: { ...draft, params: { aspectRatio: '1:1', imageSize: '8K' } },
      },
      14,
      /turn.params.imageSize/,
    ],
    [
      'settings with a bad URL',
      { type: 'SAVE_SETTINGS', requestId: 15, settings: { proxyUrl: 'ftp://x', token: '' } },
      15,
      /proxyUrl/,
    ],
    ['select nothing', { type: 'SELECT_NODES', requestId: 16, nodeIds: [] }, 16, /nodeIds/],
    ['notify empty', { type: 'NOTIFY', message: '' }, null, /message/],
    ['component set of nothing', { type: 'MAKE_COMPONENT_SET', requestId: 17, nodeIds: [] }, 17, /nodeIds/],
    [
      'variant index past the count',
      {
        type: 'PLACE_RESULT',
        requestId: 18,
        image: png,
        sourceNodeId: null,
        turn: { ...draft, variant: { index: 4, count: 4, batch: 'b1' } },
      },
      18,
      /turn.variant/,
    ],
    [
      'nine variants',
      {
        type: 'PLACE_RESULT',
        requestId: 19,
        image: png,
        sourceNodeId: null,
        turn: { ...draft, variant: { index: 0, count: 9, batch: 'b1' } },
      },
      19,
      /turn.variant.count/,
    ],
  ];
  it.each(cases)('%s', (_name, raw, requestId, detail) => {
    const parsed = parseUiMessage(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.requestId).toBe(requestId);
    expect(parsed.error.code).toBe('bad_message');
    expect(parsed.error.message).toMatch(detail);
    expect(parsed.error.message).toMatch(/Reload the plugin/);
  });
});

describe('parseSandboxMessage', () => {
  const node = {
    id: '1:2',
    name: 'Poster',
    type: 'FRAME',
    width: 400,
    height: 500,
    hasText: true,
    hasImageFill: false,
    hasTurn: false,
  };
  const valid: [string, unknown][] = [
    ['selection', { type: 'SELECTION_CHANGED', nodes: [node], count: 1 }],
    ['empty selection', { type: 'SELECTION_CHANGED', nodes: [], count: 0 }],
    ['thumbnail', { type: 'THUMBNAIL', nodeId: '1:2', bytes: png, width: 77, height: 96 }],
    ['ok reply', { type: 'REPLY', requestId: 1, ok: true, value: { anything: 1 } }],
    ['failed reply', { type: 'REPLY', requestId: 1, ok: false, error: { code: 'stale_node', message: 'gone' } }],
    ['error', { type: 'ERROR', error: { code: 'bad_message', message: 'huh' } }],
    ['history changed', { type: 'HISTORY_CHANGED' }],
  ];
  it.each(valid)('accepts %s', (_name, message) => {
    expect(parseSandboxMessage(message)).toEqual({ ok: true, message });
  });

  const invalid: [string, unknown, number | null][] = [
    ['unknown error code', { type: 'REPLY', requestId: 3, ok: false, error: { code: 'oops', message: 'x' } }, 3],
    ['failed reply without error', { type: 'REPLY', requestId: 4, ok: false }, 4],
    ['snapshot missing fields', { type: 'SELECTION_CHANGED', nodes: [{ id: '1:2' }], count: 1 }, null],
    ['thumbnail over 4096', { type: 'THUMBNAIL', nodeId: '1:2', bytes: png, width: 5000, height: 10 }, null],
    ['unknown type', { type: 'HELLO' }, null],
    ['history changed with a payload', { type: 'HISTORY_CHANGED', nodes: [] }, null],
  ];
  it.each(invalid)('rejects %s', (_name, raw, requestId) => {
    const parsed = parseSandboxMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.requestId).toBe(requestId);
      expect(parsed.error.code).toBe('bad_message');
    }
  });

  it('lists every type in both directions', () => {
    expect(new Set(UI_MESSAGE_TYPES).size).toBe(UI_MESSAGE_TYPES.length);
    expect(UI_MESSAGE_TYPES).toEqual(
      expect.arrayContaining(['PLACE_RESULT', 'MAKE_COMPONENT_SET', 'READ_PUBLISH_STATUS']),
    );
    expect(SANDBOX_MESSAGE_TYPES).toEqual(['SELECTION_CHANGED', 'THUMBNAIL', 'REPLY', 'ERROR', 'HISTORY_CHANGED']);
  });
});

describe('parseReplyValue checks the value against the request type', () => {
  const cases: [Parameters<typeof parseReplyValue>[0], unknown, boolean][] = [
    ['LOAD_SETTINGS', { proxyUrl: 'http://localhost:8787', token: '' }, true],
    ['LOAD_SETTINGS', { proxyUrl: 'http://localhost:8787' }, false],
    ['SELECT_NODES', null, true],
    ['SELECT_NODES', undefined, false],
    ['EXPORT_NODE', { nodeId: '1:2', bytes: png, width: 400, height: 500 }, true],
    ['EXPORT_NODE', { nodeId: '1:2', bytes: [1], width: 400, height: 500 }, false],
    ['READ_TURN', null, true],
    ['READ_TURN', { v: 1 }, false],
    ['READ_HISTORY', { pageId: '0:1', entries: [], sources: [] }, true],
    [
      'READ_HISTORY',
      {
        pageId: '0:1',
        entries: [
          { nodeId: '5:1', name: 'Poster — warmer light', record: turnRecord },
          { nodeId: '5:2', name: 'Broken', damaged: "This layer's history could not be read" },
        ],
        sources: [{ nodeId: '1:2', name: 'Poster' }],
      },
      true,
    ],
    ['READ_HISTORY', { pageId: '0:1', entries: [{ nodeId: '5:1', name: 'x', record: { v: 1 } }], sources: [] }, false],
    ['READ_HISTORY', { pageId: '0:1', entries: [] }, false],
    ['READ_THUMBNAIL', { nodeId: '5:1', bytes: png, width: 77, height: 96 }, true],
    ['READ_PUBLISH_STATUS', 'UNPUBLISHED', true],
    ['READ_PUBLISH_STATUS', null, true],
    ['READ_PUBLISH_STATUS', 'PUBLISHED', false],
    [
      'MAKE_COMPONENT_SET',
      {
        setId: '9:1',
        name: 'Poster — warmer light',
        componentIds: ['9:2', '9:3'],
        variantNames: ['Variant=1', 'Variant=2'],
        properties: { Variant: ['1', '2'] },
        publishStatus: 'UNPUBLISHED',
      },
      true,
    ],
    ['MAKE_COMPONENT_SET', { setId: '9:1', name: 'x', componentIds: [], variantNames: [], properties: {} }, false],
  ];
  it.each(cases)('%s %j → ok %s', (type, value, expected) => {
    const result = parseReplyValue(type, value);
    expect(result.ok).toBe(expected);
    if (!result.ok) expect(result.error.code).toBe('bad_message');
  });
});
