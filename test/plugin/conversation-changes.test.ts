/**
 * The conversation after the fact, on the Figma double: ⌘Z removes exactly the last result, the panel hears of
 * changes to the history (HISTORY_CHANGED), thumbnails of layers, and a teammate who opens the saved file continues
 * where the first person stopped.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult, SandboxMessage } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import { startPlugin, valueOf, type Harness } from './harness.js';
import { continueAsync, historyAsync, nodeAsync, recordOn, threeTurnsAsync } from './conversation-fixtures.js';

describe('undo', () => {
  it('⌘Z removes exactly the last result and its record; the history follows', async () => {
    const h = startPlugin();
    const { t1, t2, t3 } = await threeTurnsAsync(h);
    const before = await historyAsync(h);
    await h.settleAsync();
    const from = h.received().length;
    h.double.undo();
    expect(await h.figma.getNodeByIdAsync(t3.nodeId)).toBeNull();
    expect(await nodeAsync(h, t2.nodeId)).not.toBeNull();
    const after = await historyAsync(h);
    expect(after.entries).toEqual(before.entries.slice(0, 2));
    expect(recordOn(await nodeAsync(h, t1.nodeId))).toEqual(t1.record);
    // The panel is told to read the history again.
    await h.waitForAsync((m: SandboxMessage): m is SandboxMessage => m.type === 'HISTORY_CHANGED', from);
    // A second ⌘Z removes the turn before, and only it.
    h.double.undo();
    expect((await historyAsync(h)).entries.map((e) => e.nodeId)).toEqual([t1.nodeId]);
  });
});

describe('HISTORY_CHANGED', () => {
  const changes: [string, boolean, (h: Harness, t: { t1: PlacedResult; t2: PlacedResult }) => Promise<void> | void][] =
    [
      ['a result is duplicated', true, async (h, { t2 }) => void (await nodeAsync(h, t2.nodeId)).clone()],
      ['a result is deleted', true, async (h, { t2 }) => (await nodeAsync(h, t2.nodeId)).remove()],
      [
        'a record is changed',
        true,
        async (h, { t1 }) => (await nodeAsync(h, t1.nodeId)).setPluginData(TURN_RECORD_KEY, '{}'),
      ],
      ['a result is moved', false, async (h, { t2 }) => void ((await nodeAsync(h, t2.nodeId)).x = 5000)],
      ['a plain rectangle is added', false, (h) => void h.figma.createRectangle()],
    ];
  it.each(changes)('%s → sent: %s', async (_name, expected, change) => {
    const h = startPlugin();
    const t1 = await continueAsync(h, h.sample.poster.id, 'warmer light');
    const t2 = await continueAsync(h, t1.nodeId, 'navy jacket');
    await h.settleAsync();
    const from = h.received().length;
    await change(h, { t1, t2 });
    await h.settleAsync();
    expect(
      h
        .received()
        .slice(from)
        .some((m) => m.type === 'HISTORY_CHANGED'),
    ).toBe(expected);
  });

  it('is sent when the page changes, and follows the new page', async () => {
    const h = startPlugin();
    const page = h.figma.createPage();
    await h.figma.setCurrentPageAsync(page);
    await h.settleAsync();
    const from = h.received().length;
    expect((await historyAsync(h)).entries).toEqual([]);
    const layer = h.figma.createFrame();
    layer.resize(100, 100);
    const placed = await continueAsync(h, layer.id, 'warmer light');
    await h.settleAsync();
    expect(
      h
        .received()
        .slice(from)
        .some((m) => m.type === 'HISTORY_CHANGED'),
    ).toBe(true);
    expect((await historyAsync(h)).entries.map((e) => e.nodeId)).toEqual([placed.nodeId]);
  });
});

describe('READ_THUMBNAIL', () => {
  it('gives a small PNG of a layer, and stale_node for one that has gone', async () => {
    const h = startPlugin();
    const t1 = await continueAsync(h, h.sample.poster.id, 'warmer light');
    const thumb = valueOf(await h.requestAsync({ type: 'READ_THUMBNAIL', nodeId: t1.nodeId })) as {
      width: number;
      height: number;
    };
    expect([thumb.width, thumb.height]).toEqual([77, 96]);
    (await nodeAsync(h, t1.nodeId)).remove();
    const gone = await h.requestAsync({ type: 'READ_THUMBNAIL', nodeId: t1.nodeId });
    expect(gone.ok ? null : gone.error.code).toBe('stale_node');
  });
});

describe('continue anywhere', () => {
  it('a teammate opens the saved file, sees the whole history and continues the last turn', async () => {
    const first = startPlugin();
    const { t1, t3 } = await threeTurnsAsync(first);
    const saved = first.double.serialize();
    first.close();

    const teammate = startPlugin({ currentUser: { ...DEFAULT_TEAMMATE } });
    teammate.double.load(saved);
    await teammate.settleAsync();
    const history = await historyAsync(teammate);
    expect(history.entries.map((e) => ('record' in e ? e.record.prompt : null))).toEqual([
      'warmer light',
      'navy jacket',
      'remove the logo',
    ]);
    const next = await continueAsync(teammate, t3.nodeId, 'add a hat');
    const record = parseTurnRecord((await nodeAsync(teammate, next.nodeId)).getPluginData(TURN_RECORD_KEY));
    expect(record.ok && record.value).toMatchObject({
      parentId: t3.record.id,
      rootId: t1.record.id,
      sourceNodeId: t3.nodeId,
      author: { id: 'u-2', name: 'Sam Teammate' },
    } satisfies Partial<TurnRecord>);
    // New ids in the teammate's session never collide with the saved ones.
    expect(history.entries.some((e) => e.nodeId === next.nodeId)).toBe(false);
    expect(next.x).toBe(t3.x + 540 + 40);
  });
});

const DEFAULT_TEAMMATE: User = {
  id: 'u-2',
  name: 'Sam Teammate',
  photoUrl: null,
  color: '#00aa66',
  sessionId: 2,
};
