import { describe, expect, it } from 'vitest';
import type { PlacedResult, SandboxMessage } from '../../core/messages.js';
import { TURN_RECORD_KEY } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { startPlugin, valueOf } from './harness.js';

type ErrorPush = Extract<SandboxMessage, { type: 'ERROR' }>;
const isError = (m: SandboxMessage): m is ErrorPush => m.type === 'ERROR';

describe('malformed messages never crash the sandbox', () => {
  const withId: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown type', { type: 'DELETE_ALL', requestId: 900 }, /not a known message type/],
    ['a request missing a field', { type: 'EXPORT_NODE', requestId: 901, maxSide: 10 }, /nodeId: required/],
    [
      'an image sent as base64 text',
      { type: 'PLACE_RESULT', requestId: 902, image: 'iVBOR', sourceNodeId: null, turn: {} },
      /image/,
    ],
    [
      'a field too large',
      { type: 'EXPORT_NODE', requestId: 903, nodeId: '1:2', maxSide: 99999 },
      /maxSide: at most 4096/,
    ],
  ];
  it.each(withId)('%s gets exactly one bad_message reply', async (_name, message, detail) => {
    const h = startPlugin();
    const before = h.double.describeNodes();
    const reply = await h.requestAsync(message as { type: string });
    expect(reply).toMatchObject({
      type: 'REPLY',
      requestId: message.requestId,
      ok: false,
      error: { code: 'bad_message' },
    });
    if (!reply.ok) expect(reply.error.message).toMatch(detail);
    await h.settleAsync();
    expect(h.received().filter((m) => m.type === 'REPLY' && m.requestId === message.requestId)).toHaveLength(1);
    expect(h.double.describeNodes()).toEqual(before);
  });

  const withoutId: [string, unknown][] = [
    ['a string', 'hello'],
    ['null', null],
    ['a notification with an extra field', { type: 'UI_READY', please: true }],
  ];
  it.each(withoutId)('%s is reported as an ERROR push', async (_name, message) => {
    const h = startPlugin();
    const from = h.received().length;
    await h.sendAsync(message);
    const error = await h.waitForAsync(isError, from);
    expect(error.error.code).toBe('bad_message');
    // …and the plugin still answers afterwards.
    expect(valueOf(await h.requestAsync({ type: 'LOAD_SETTINGS' }))).toMatchObject({ token: '' });
  });
});

describe('READ_TURN', () => {
  it('reads the record of a result, null for a plain layer, corrupt_history for damaged data', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    const placed = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: solidPngBytes(4, 5, [1, 2, 3, 255]),
        sourceNodeId: poster.id,
        turn: {
          prompt: 'warmer light',
          model: 'gemini-3.1-flash-image',
          params: { aspectRatio: '4:5', imageSize: '1K' },
          inputs: [{ nodeId: poster.id, role: 'base' }],
          usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, costUsd: 0.1 },
        },
      }),
    ) as PlacedResult;
    expect(valueOf(await h.requestAsync({ type: 'READ_TURN', nodeId: placed.nodeId }))).toEqual(placed.record);
    expect(valueOf(await h.requestAsync({ type: 'READ_TURN', nodeId: poster.id }))).toBeNull();

    productShot.setPluginData(TURN_RECORD_KEY, '{"v":1,"id":');
    const corrupt = await h.requestAsync({ type: 'READ_TURN', nodeId: productShot.id });
    expect(corrupt).toMatchObject({ ok: false, error: { code: 'corrupt_history' } });

    productShot.setPluginData(TURN_RECORD_KEY, JSON.stringify({ ...placed.record, v: 7 }));
    const newer = await h.requestAsync({ type: 'READ_TURN', nodeId: productShot.id });
    expect(newer).toMatchObject({ ok: false, error: { code: 'corrupt_history' } });
  });

  it('marks layers with a record in their snapshot', async () => {
    const h = startPlugin();
    h.sample.productShot.setPluginData(TURN_RECORD_KEY, 'anything');
    await h.settleAsync();
    const from = h.received().length;
    h.figma.currentPage.selection = [h.sample.productShot, h.sample.poster];
    const selection = await h.waitForAsync(
      (m): m is Extract<SandboxMessage, { type: 'SELECTION_CHANGED' }> => m.type === 'SELECTION_CHANGED',
      from,
    );
    expect(selection.nodes.map((n) => n.hasTurn)).toEqual([true, false]);
  });
});

describe('SELECT_NODES and NOTIFY', () => {
  it('selects and shows layers', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    expect(valueOf(await h.requestAsync({ type: 'SELECT_NODES', nodeIds: [productShot.id, poster.id] }))).toBeNull();
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([productShot.id, poster.id]);
    expect(h.double.scrolledIntoView.at(-1)).toEqual([productShot.id, poster.id]);
  });

  it('leaves the selection alone when a layer has gone', async () => {
    const h = startPlugin();
    h.figma.currentPage.selection = [h.sample.poster];
    const reply = await h.requestAsync({ type: 'SELECT_NODES', nodeIds: [h.sample.productShot.id, '404:404'] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'stale_node' } });
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([h.sample.poster.id]);
  });

  it('shows a toast', async () => {
    const h = startPlugin();
    await h.sendAsync({ type: 'NOTIFY', message: 'Added “Poster — warmer light”', error: false });
    await h.sendAsync({ type: 'NOTIFY', message: 'Could not reach the proxy', error: true });
    expect(h.double.notifications.map((n) => [n.message, n.error])).toEqual([
      ['Added “Poster — warmer light”', false],
      ['Could not reach the proxy', true],
    ]);
  });
});
