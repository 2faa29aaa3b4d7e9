/**
 * Variants on the canvas: the sandbox places N results of one request in one row, beside the source or
 * below it, as they arrive, each with its own record and undo step, and moves nothing the user made.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft, type TurnVariant } from '../../core/turn-record.js';
import { overlapsWithGap } from '../../core/variant-layout.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const turn = (prompt: string, variant: TurnVariant, nodeId: string | null): TurnDraft =>
  editDraft(nodeId, { prompt, variant });

/** Places variant `index` of a batch of `count` (a solid image whose colour tells the variants apart). */
async function placeVariantAsync(
  h: Harness,
  source: SceneNode | null,
  index: number,
  count: number,
  batch = 'b1',
  prompt = 'warmer light',
): Promise<PlacedResult> {
  const image = solidPngBytes(source ? 54 : 160, source ? 67 : 90, [40 * index, 90, 200, 255]);
  const reply = await h.requestAsync({
    type: 'PLACE_RESULT',
    image,
    sourceNodeId: source?.id ?? null,
    turn: turn(prompt, { index, count, batch }, source?.id ?? null),
  });
  return valueOf(reply) as PlacedResult;
}

const box = (p: PlacedResult) => [p.x, p.y, p.width, p.height];

describe('a batch of variants beside its source', () => {
  it('puts four variants of the Poster in a row below it, since the row beside it would cover the Product shot', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    const before = h.double.describeNodes();
    // Answers arrive in any order; each takes the next spot of the row, so the row has no holes.
    const placed: PlacedResult[] = [];
    for (const index of [2, 0, 3, 1]) placed.push(await placeVariantAsync(h, poster, index, 4));
    expect(placed.map(box)).toEqual([0, 1, 2, 3].map((i) => [i * 580, 675 + 40, 540, 675]));
    // Named by their place in the row, left to right, whatever order the answers came in; the record keeps the index.
    expect(placed.map((p) => p.name)).toEqual([
      'Poster — warmer light · variant 1',
      'Poster — warmer light · variant 2',
      'Poster — warmer light · variant 3',
      'Poster — warmer light · variant 4',
    ]);
    // Each has its own turn record with its variant index, a branch of the source like any first edit.
    for (const [i, p] of placed.entries()) {
      const node = (await h.figma.getNodeByIdAsync(p.nodeId))!;
      expect(parseTurnRecord(node.getPluginData(TURN_RECORD_KEY))).toEqual({ ok: true, value: p.record });
      expect(p.record).toMatchObject({
        sourceNodeId: poster.id,
        originNodeId: p.nodeId,
        parentId: null,
        variant: { index: [2, 0, 3, 1][i], count: 4, batch: 'b1' },
      });
    }
    expect(new Set(placed.map((p) => p.record.id)).size).toBe(4);
    // The batch so far is the selection after each arrival, ready for "Make component set".
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual(placed.map((p) => p.nodeId));
    expect(h.double.scrolledIntoView.at(-1)).toEqual(placed.map((p) => p.nodeId));
    // One undo step per result; nothing the user made moved or changed.
    expect(h.double.undoCommits).toBe(4);
    const after = h.double.describeNodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(after.find((n) => n.id === productShot.id)).toEqual(before.find((n) => n.id === productShot.id));
  });

  it('puts a batch beside its source when the whole row is clear', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    const placed = [];
    for (const index of [0, 1, 2]) placed.push(await placeVariantAsync(h, productShot, index, 3));
    expect(placed.map(box)).toEqual([0, 1, 2].map((i) => [1280 + i * 640, 0, 600, 600]));
  });

  it('leaves no hole for a variant that failed: three of four make a row of three', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    const placed = [];
    for (const index of [0, 2, 3]) placed.push(await placeVariantAsync(h, productShot, index, 4));
    expect(placed.map((p) => p.x)).toEqual([1280, 1920, 2560]);
    // And their names have no hole either: 1, 2, 3 left to right, not 1, 3, 4.
    expect(placed.map((p) => p.name.split(' · ')[1])).toEqual(['variant 1', 'variant 2', 'variant 3']);
  });

  it('gives each of four answers arriving at once a spot of its own', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    const placed = await Promise.all([0, 1, 2, 3].map((i) => placeVariantAsync(h, productShot, i, 4)));
    expect(new Set(placed.map((p) => p.x)).size).toBe(4);
    const boxes = placed.map((p) => ({ x: p.x, y: p.y, width: p.width, height: p.height }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlapsWithGap(a, b, 1)).toBe(false);
  });

  it('steps past a layer dropped into the row while the batch runs, without moving it', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    const first = await placeVariantAsync(h, productShot, 0, 3);
    const sticker = h.figma.createRectangle();
    sticker.resize(100, 100);
    sticker.x = 1920;
    sticker.y = 100;
    const second = await placeVariantAsync(h, productShot, 1, 3);
    expect(first.x).toBe(1280);
    expect(second.x).toBe(1920 + 100 + 40);
    expect([sticker.x, sticker.y]).toEqual([1920, 100]);
  });

  it('keeps two batches of one source apart: the second goes below the first', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    for (const index of [0, 1]) await placeVariantAsync(h, productShot, index, 2, 'b1');
    const second = [];
    for (const index of [0, 1]) second.push(await placeVariantAsync(h, productShot, index, 2, 'b2', 'navy jacket'));
    expect(second.map((p) => [p.x, p.y])).toEqual([
      [640, 640],
      [1280, 640],
    ]);
  });
});

describe('a batch of text-to-image variants', () => {
  it('is a row centred on the view', async () => {
    const h = startPlugin();
    h.figma.viewport.center = { x: 3000, y: 2000 };
    const placed = [];
    for (const index of [0, 1]) placed.push(await placeVariantAsync(h, null, index, 2));
    expect(placed.map(box)).toEqual([
      [3000 - 180, 2000 - 45, 160, 90],
      [3000 + 20, 2000 - 45, 160, 90],
    ]);
    expect(placed.map((p) => p.name)).toEqual([
      'Banana — warmer light · variant 1',
      'Banana — warmer light · variant 2',
    ]);
  });
});
