/**
 * The conversation in the sandbox, on the Figma double: turns continue turns, records are written and read back,
 * branches go below, damaged records are listed and duplicated result layers stand for their turn.
 */
import { describe, expect, it } from 'vitest';
import { buildHistoryGraph, chainOf } from '../../core/history-graph.js';
import { TURN_RECORD_KEY } from '../../core/turn-record.js';
import { startPlugin, type Harness } from './harness.js';
import { continueAsync, historyAsync, nodeAsync, recordOn, threeTurnsAsync } from './conversation-fixtures.js';

const box = (p: { x: number; y: number; width: number; height: number }) => [p.x, p.y, p.width, p.height];

/** No two top-level layers of the page overlap. */
function expectNoOverlaps(h: Harness): void {
  const layers = h.figma.currentPage.children;
  for (const a of layers) {
    for (const b of layers) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

describe('a conversation of three turns', () => {
  it('links each turn to its parent and root, each a new layer right of its parent, nothing earlier touched', async () => {
    const h = startPlugin();
    const t1 = await continueAsync(h, h.sample.poster.id, 'warmer light');
    const t1Before = await (await nodeAsync(h, t1.nodeId)).exportAsync();
    const t2 = await continueAsync(h, t1.nodeId, 'navy jacket');
    const third = await continueAsync(h, t2.nodeId, 'remove the logo');

    expect(t1.record).toMatchObject({ parentId: null, rootId: t1.record.id, sourceNodeId: h.sample.poster.id });
    expect(t2.record).toMatchObject({ parentId: t1.record.id, rootId: t1.record.id, sourceNodeId: t1.nodeId });
    expect(third.record).toMatchObject({ parentId: t2.record.id, rootId: t1.record.id, sourceNodeId: t2.nodeId });
    // Names stay short: the source's name and this turn's prompt.
    expect([t1.name, t2.name, third.name]).toEqual([
      'Poster — warmer light',
      'Poster — navy jacket',
      'Poster — remove the logo',
    ]);
    // Poster at x 0, the Product shot at 640–1240, so t1 at 1280, then one gap further right each time.
    expect([box(t1), box(t2), box(third)]).toEqual([
      [1280, 0, 540, 675],
      [1860, 0, 540, 675],
      [2440, 0, 540, 675],
    ]);
    expect(await (await nodeAsync(h, t1.nodeId)).exportAsync()).toEqual(t1Before);
    expect(recordOn(await nodeAsync(h, t1.nodeId))).toEqual(t1.record);
    expect((await nodeAsync(h, third.nodeId)).getRelaunchData()).toEqual({
      open: 'Turn 3 · remove the logo · AI-generated (gemini-3.1-flash-image), SynthID watermark',
    });
    expectNoOverlaps(h);
  });

  it('READ_HISTORY gives every record on the page and the source they came from', async () => {
    const h = startPlugin();
    const { t1, t2, t3 } = await threeTurnsAsync(h);
    const history = await historyAsync(h);
    expect(history.pageId).toBe(h.figma.currentPage.id);
    expect(history.entries).toEqual([
      { nodeId: t1.nodeId, name: t1.name, record: t1.record },
      { nodeId: t2.nodeId, name: t2.name, record: t2.record },
      { nodeId: t3.nodeId, name: t3.name, record: t3.record },
    ]);
    expect(history.sources).toEqual([{ nodeId: h.sample.poster.id, name: 'Poster' }]);
    const chain = chainOf(buildHistoryGraph(history.entries), t3.record.id);
    expect(chain.turns.map((t) => t.record.prompt)).toEqual(['warmer light', 'navy jacket', 'remove the logo']);
  });

  it('keeps every record compact and free of image bytes', async () => {
    const h = startPlugin();
    const { t3 } = await threeTurnsAsync(h);
    const text = (await nodeAsync(h, t3.nodeId)).getPluginData(TURN_RECORD_KEY);
    expect(text.length).toBeLessThan(1000);
    expect(text).not.toMatch(/iVBOR|base64/);
  });
});

describe('branches', () => {
  it('a second continuation of a turn goes below the line the first one grew into, clear of everything', async () => {
    const h = startPlugin();
    const { t1, t2, t3 } = await threeTurnsAsync(h);
    const branch = await continueAsync(h, t1.nodeId, 'red jacket');
    expect(branch.record).toMatchObject({ parentId: t1.record.id, rootId: t1.record.id });
    // Same column as t2 (the first continuation), one gap below the row t2 and t3 share.
    expect(box(branch)).toEqual([t2.x, t2.y + 675 + 40, 540, 675]);
    // A second branch from t1 goes below the first branch.
    const again = await continueAsync(h, t1.nodeId, 'green jacket');
    expect(box(again)).toEqual([t2.x, branch.y + 675 + 40, 540, 675]);
    // Continuing the branch goes right of it, on its own line.
    const onBranch = await continueAsync(h, branch.nodeId, 'add a hat');
    expect(box(onBranch)).toEqual([t3.x, branch.y, 540, 675]);
    expectNoOverlaps(h);
  });

  it('a branch also clears a layer the person put below the line', async () => {
    const h = startPlugin();
    const { t1, t2 } = await threeTurnsAsync(h);
    const note = h.figma.createRectangle();
    note.resize(100, 100);
    note.x = t2.x + 20;
    note.y = 700;
    const branch = await continueAsync(h, t1.nodeId, 'red jacket');
    expect([branch.x, branch.y]).toEqual([t2.x, 700 + 100 + 40]);
    expectNoOverlaps(h);
  });
});

describe('damaged records', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"v":1,', /not valid JSON/],
    ['a newer format', JSON.stringify({ v: 99, id: 'x' }), /newer Banana Studio \(format 99\)/],
    ['a record of the wrong shape', JSON.stringify({ v: 1, id: 'x', prompt: 7 }), /could not be read/],
  ];
  it.each(cases)(
    '%s: listed as damaged, usable as an image, continued as a new conversation',
    async (_n, text, why) => {
      const h = startPlugin();
      const { productShot } = h.sample;
      productShot.setPluginData(TURN_RECORD_KEY, text);
      const history = await historyAsync(h);
      expect(history.entries).toEqual([
        { nodeId: productShot.id, name: 'Product shot', damaged: expect.stringMatching(why) },
      ]);
      const damaged = history.entries[0]!;
      expect('damaged' in damaged && damaged.damaged).toMatch(/can still be used as an image/);
      const next = await continueAsync(h, productShot.id, 'warmer light');
      expect(next.record).toMatchObject({ parentId: null, rootId: next.record.id, sourceNodeId: productShot.id });
      // The damaged data is left exactly as it was.
      expect(productShot.getPluginData(TURN_RECORD_KEY)).toBe(text);
      expect(await historyAsync(h)).toMatchObject({ entries: [{ nodeId: productShot.id }, { nodeId: next.nodeId }] });
    },
  );
});

describe('duplicated result layers', () => {
  it('a duplicate carries the same turn; continuing from it adds a child of that turn, beside the copy', async () => {
    const h = startPlugin();
    const { t1, t2 } = await threeTurnsAsync(h);
    const original = await nodeAsync(h, t2.nodeId);
    const copy = original.clone();
    copy.x = 0;
    copy.y = 1400;
    const copyData = copy.getPluginData(TURN_RECORD_KEY);
    expect(copyData).toBe(original.getPluginData(TURN_RECORD_KEY));
    const history = await historyAsync(h);
    const graph = buildHistoryGraph(history.entries);
    expect(graph.turns.get(t2.record.id)).toMatchObject({ nodeId: t2.nodeId, copies: [copy.id], fromCopy: false });
    expect(graph.turns.size).toBe(3);

    const fromCopy = await continueAsync(h, copy.id, 'brighter');
    expect(fromCopy.record).toMatchObject({ parentId: t2.record.id, rootId: t1.record.id, sourceNodeId: copy.id });
    expect([fromCopy.x, fromCopy.y]).toEqual([540 + 40, 1400]);
    // Nothing is written back to the copy or the original.
    expect(copy.getPluginData(TURN_RECORD_KEY)).toBe(copyData);
    expect(recordOn(original)).toEqual(t2.record);
    expectNoOverlaps(h);
  });

  it('when the original is deleted, the copy stands for the turn and the chain stays whole', async () => {
    const h = startPlugin();
    const { t2, t3 } = await threeTurnsAsync(h);
    const original = await nodeAsync(h, t2.nodeId);
    const copy = original.clone();
    copy.y = 1400;
    original.remove();
    const graph = buildHistoryGraph((await historyAsync(h)).entries);
    expect(graph.turns.get(t2.record.id)).toMatchObject({ nodeId: copy.id, fromCopy: true, copies: [] });
    expect(chainOf(graph, t3.record.id)).toMatchObject({ missing: false });
  });
});
