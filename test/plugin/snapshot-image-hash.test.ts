/**
 * The selection snapshot's `imageHash` (core/messages.ts), on the Figma double: how the panel tells that a result
 * layer still shows exactly the image the model made (its fill hash equals the record's `resultHash`), the
 * condition for live replay (core/live-replay.ts). Anything that changes what the layer shows drops the hash.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { snapshotNode } from '../../plugin/snapshot-node.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const turn = (nodeId: string): TurnDraft => editDraft(nodeId);

async function placeAsync(h: Harness, liveText = false): Promise<{ placed: PlacedResult; node: FrameNode }> {
  const placed = valueOf(
    await h.requestAsync({
      type: 'PLACE_RESULT',
      image: solidPngBytes(1080, 1350, [30, 90, 160, 255]),
      sourceNodeId: h.sample.poster.id,
      turn: turn(h.sample.poster.id),
      ...(liveText ? { liveText: true } : {}),
    }),
  ) as PlacedResult;
  const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
  return { placed, node };
}

/** Edits that change what a result layer shows. */
const changes: [string, (node: FrameNode, h: Harness) => void][] = [
  [
    'a colour laid over the image',
    (node) => (node.fills = [...(node.fills as Paint[]), { type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]),
  ],
  ['the image faded', (node) => (node.fills = (node.fills as ImagePaint[]).map((p) => ({ ...p, opacity: 0.5 })))],
  ['the image tiled', (node) => (node.fills = (node.fills as ImagePaint[]).map((p) => ({ ...p, scaleMode: 'TILE' })))],
  [
    'an exposure filter',
    (node) => (node.fills = (node.fills as ImagePaint[]).map((p) => ({ ...p, filters: { exposure: 0.4 } }))),
  ],
  [
    'a shape drawn on top of it',
    (node, h) => {
      const mark = h.figma.createRectangle();
      mark.resize(40, 40);
      node.appendChild(mark);
    },
  ],
];

describe('imageHash in the snapshot', () => {
  it.each([
    ['a plain result', false],
    ['a result with its text kept live on top', true],
  ])('%s shows the image its record names', async (_name, liveText) => {
    const h = startPlugin();
    const { placed, node } = await placeAsync(h, liveText);
    expect(placed.record.resultHash).toMatch(/\S/);
    expect(snapshotNode(node).imageHash).toBe(placed.record.resultHash);
  });

  it('is absent for a layer without an image fill (the source frame)', () => {
    const h = startPlugin();
    expect(snapshotNode(h.sample.poster).imageHash).toBeUndefined();
  });

  it('names the new image once the image is replaced, so it no longer matches the record', async () => {
    const h = startPlugin();
    const { placed, node } = await placeAsync(h);
    const other = h.figma.createImage(solidPngBytes(4, 4, [200, 10, 10, 255]));
    node.fills = [{ type: 'IMAGE', imageHash: other.hash, scaleMode: 'FILL' }];
    expect(snapshotNode(node).imageHash).toBe(other.hash);
    expect(other.hash).not.toBe(placed.record.resultHash);
  });

  it.each(changes)('is gone once the layer changes: %s', async (_name, change) => {
    const h = startPlugin();
    const { node } = await placeAsync(h);
    change(node, h);
    expect(snapshotNode(node).imageHash).toBeUndefined();
  });

  it('does not count a hidden image paint', async () => {
    const h = startPlugin();
    const { placed, node } = await placeAsync(h);
    const paint = (node.fills as ImagePaint[])[0]!;
    node.fills = [
      { ...paint, visible: false },
      { type: 'SOLID', color: { r: 0, g: 0, b: 0 } },
    ];
    expect(snapshotNode(node).imageHash).toBeUndefined();
    // Showing only the image again brings the hash back: the layer shows what the model made once more.
    node.fills = [paint];
    expect(snapshotNode(node).imageHash).toBe(placed.record.resultHash);
  });
});

describe('the panel hears when the selected layer changes in place', () => {
  const lastSnapshot = (h: Harness) =>
    h
      .received()
      .filter((m) => m.type === 'SELECTION_CHANGED')
      .at(-1) as Extract<ReturnType<Harness['received']>[number], { type: 'SELECTION_CHANGED' }>;

  it.each(changes)('a new snapshot without the hash after: %s', async (_name, change) => {
    const h = startPlugin();
    const { placed, node } = await placeAsync(h);
    await h.settleAsync();
    expect(lastSnapshot(h).nodes[0]).toMatchObject({ id: node.id, imageHash: placed.record.resultHash });
    change(node, h);
    await h.settleAsync();
    expect(lastSnapshot(h).nodes[0]!.id).toBe(node.id);
    expect(lastSnapshot(h).nodes[0]!.imageHash).toBeUndefined();
  });

  it('no new snapshot for a move or a rename, which leave the image as it was', async () => {
    const h = startPlugin();
    const { node } = await placeAsync(h);
    await h.settleAsync();
    const before = h.received().filter((m) => m.type === 'SELECTION_CHANGED').length;
    node.x += 100;
    node.name = 'Moved';
    await h.settleAsync();
    expect(h.received().filter((m) => m.type === 'SELECTION_CHANGED')).toHaveLength(before);
  });
});
