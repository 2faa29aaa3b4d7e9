import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import { createImage, encodePng } from '../../core/png.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, NOW, startPlugin, valueOf, type Harness } from './harness.js';

const editTurn = (nodeId: string): TurnDraft => editDraft(nodeId);
const textTurn: TurnDraft = {
  prompt: 'a red bicycle leaning on a yellow wall, afternoon sun',
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '16:9', imageSize: '1K' },
  inputs: [],
  usage: { inputTokens: 12, outputTokens: 1120, totalTokens: 1132, costUsd: 0.0672 },
};

/** What a careful reviewer would compare to prove a node was not touched. */
async function fingerprintAsync(node: FrameNode) {
  return {
    name: node.name,
    box: [node.x, node.y, node.width, node.height],
    parent: node.parent?.id,
    fills: JSON.stringify(node.fills),
    children: node.children.map((c) => c.id),
    pluginData: node.getPluginDataKeys(),
    relaunch: node.getRelaunchData(),
    pixels: await node.exportAsync({ format: 'PNG', useAbsoluteBounds: true, colorProfile: 'SRGB' }),
  };
}

async function placeAsync(h: Harness, fields: Record<string, unknown>) {
  return h.requestAsync({ type: 'PLACE_RESULT', ...fields });
}

describe('PLACE_RESULT beside a source', () => {
  it('adds one layer right of the source, clear of other layers, and leaves the source as it was', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    const before = await fingerprintAsync(poster);
    const productBefore = await fingerprintAsync(productShot);
    const layersBefore = h.double.describeNodes().length;
    const image = solidPngBytes(928, 1152, [250, 180, 90, 255]);

    const reply = await placeAsync(h, { image, sourceNodeId: poster.id, turn: editTurn(poster.id) });
    const placed = valueOf(reply) as PlacedResult;

    const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect(node.type).toBe('FRAME');
    expect(node.parent?.id).toBe(h.figma.currentPage.id);
    // Poster spans x 0–540 and the Product shot 640–1240 (y 0–600): 580 would overlap it, so 1240 + 40.
    expect([node.x, node.y, node.width, node.height]).toEqual([1280, 0, 540, 675]);
    expect(placed).toMatchObject({
      nodeId: node.id,
      name: 'Poster — warmer light',
      x: 1280,
      y: 0,
      width: 540,
      height: 675,
    });
    expect(node.name).toBe('Poster — warmer light');
    const fills = node.fills as readonly Paint[];
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
    const hash = (fills[0] as ImagePaint).imageHash!;
    expect(await h.figma.getImageByHash(hash)?.getBytesAsync()).toEqual(image);

    const record = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
    expect(record).toEqual({ ok: true, value: placed.record });
    expect(placed.record).toEqual({
      v: 1,
      id: 'turn-1',
      parentId: null,
      rootId: 'turn-1',
      sourceNodeId: poster.id,
      originNodeId: node.id,
      ...editTurn(poster.id),
      resultHash: hash,
      author: { id: '1234567890', name: 'Dana Designer' },
      createdAt: NOW.toISOString(),
      provenance: { aiGenerated: true, model: 'gemini-3.1-flash-image', synthId: true },
    });
    expect(node.getRelaunchData()).toEqual({
      open: 'Turn 1 · warmer light · AI-generated (gemini-3.1-flash-image), SynthID watermark',
    });

    expect(h.double.undoCommits).toBe(1);
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([node.id]);
    expect(h.double.scrolledIntoView.at(-1)).toEqual([node.id]);
    expect(h.double.describeNodes()).toHaveLength(layersBefore + 1);

    expect(await fingerprintAsync(poster)).toEqual(before);
    expect(await fingerprintAsync(productShot)).toEqual(productBefore);
  });

  it('goes right next to the source when nothing is in the way', async () => {
    const h = startPlugin();
    const { productShot } = h.sample;
    const placed = valueOf(
      await placeAsync(h, {
        image: solidPngBytes(10, 10, [0, 0, 0, 255]),
        sourceNodeId: productShot.id,
        turn: editTurn(productShot.id),
      }),
    ) as PlacedResult;
    expect([placed.x, placed.y, placed.width, placed.height]).toEqual([1280, 0, 600, 600]);
  });

  it('puts a second edit of the same source below the first (a branch of the source), not on top of it', async () => {
    const h = startPlugin();
    const { poster } = h.sample;
    const image = solidPngBytes(20, 25, [1, 2, 3, 255]);
    const first = valueOf(
      await placeAsync(h, { image, sourceNodeId: poster.id, turn: editTurn(poster.id) }),
    ) as PlacedResult;
    const second = valueOf(
      await placeAsync(h, { image, sourceNodeId: poster.id, turn: editTurn(poster.id) }),
    ) as PlacedResult;
    expect([first.x, first.y]).toEqual([1280, 0]);
    expect([second.x, second.y]).toEqual([1280, 675 + 40]);
    expect(second.record.id).not.toBe(first.record.id);
    // Two edits of a plain layer are two conversations, each its own root.
    expect(second.record).toMatchObject({ parentId: null, rootId: second.record.id });
    expect(h.double.undoCommits).toBe(2);
  });

  it('climbs out of a clipping frame for a layer inside it, so the result can be seen', async () => {
    const h = startPlugin();
    const { scrim, poster } = h.sample;
    const before = await fingerprintAsync(poster);
    const placed = valueOf(
      await placeAsync(h, {
        image: solidPngBytes(54, 26, [9, 9, 9, 255]),
        sourceNodeId: scrim.id,
        turn: editTurn(scrim.id),
      }),
    ) as PlacedResult;
    const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect(node.parent?.id).toBe(h.figma.currentPage.id);
    expect([node.width, node.height]).toEqual([540, 260]);
    expect(node.name).toBe('Scrim — warmer light');
    expect(await fingerprintAsync(poster)).toEqual(before);
  });

  it('undo removes the result and only the result', async () => {
    const h = startPlugin();
    const { poster } = h.sample;
    const before = h.double.describeNodes();
    const placed = valueOf(
      await placeAsync(h, {
        image: solidPngBytes(8, 10, [1, 1, 1, 255]),
        sourceNodeId: poster.id,
        turn: editTurn(poster.id),
      }),
    ) as PlacedResult;
    h.double.undo();
    expect(await h.figma.getNodeByIdAsync(placed.nodeId)).toBeNull();
    expect(h.double.describeNodes()).toEqual(before);
  });

  it('writes no author when there is no current user', async () => {
    const h = startPlugin({ currentUser: null });
    const { poster } = h.sample;
    const placed = valueOf(
      await placeAsync(h, {
        image: solidPngBytes(8, 10, [1, 1, 1, 255]),
        sourceNodeId: poster.id,
        turn: editTurn(poster.id),
      }),
    ) as PlacedResult;
    expect(placed.record.author).toBeUndefined();
  });
});

describe('PLACE_RESULT for text-to-image', () => {
  it('adds a frame of the image’s size at the viewport centre, selected and in view', async () => {
    const h = startPlugin();
    h.figma.viewport.center = { x: 2000, y: 1000 };
    const image = solidPngBytes(1376, 768, [200, 40, 40, 255]);
    const placed = valueOf(await placeAsync(h, { image, sourceNodeId: null, turn: textTurn })) as PlacedResult;
    const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect([node.x, node.y, node.width, node.height]).toEqual([2000 - 688, 1000 - 384, 1376, 768]);
    expect(node.parent?.id).toBe(h.figma.currentPage.id);
    expect(node.name).toBe('Banana — a red bicycle leaning on a yellow wall,…');
    expect(placed.record).toMatchObject({ sourceNodeId: null, inputs: [], originNodeId: node.id, parentId: null });
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([node.id]);
    expect(h.double.scrolledIntoView.at(-1)).toEqual([node.id]);
    expect(h.double.undoCommits).toBe(1);
  });
});

describe('PLACE_RESULT failures leave the canvas as it was', () => {
  const cases: [string, (h: Harness) => Promise<Record<string, unknown>>, string][] = [
    [
      'the source was deleted meanwhile',
      async (h) => {
        const doomed = h.figma.createFrame();
        const id = doomed.id;
        doomed.remove();
        return { image: solidPngBytes(4, 4, [0, 0, 0, 255]), sourceNodeId: id, turn: editTurn(id) };
      },
      'stale_node',
    ],
    [
      'an image over 4096 px a side',
      async (h) => ({
        image: encodePng(createImage(4097, 1, [1, 2, 3, 255]), 1),
        sourceNodeId: h.sample.poster.id,
        turn: editTurn(h.sample.poster.id),
      }),
      'image_too_large',
    ],
    [
      'an oversized text-to-image result',
      async () => ({ image: encodePng(createImage(1, 5000, [1, 2, 3, 255]), 1), sourceNodeId: null, turn: textTurn }),
      'image_too_large',
    ],
    [
      'bytes that are no image',
      async () => ({ image: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), sourceNodeId: null, turn: textTurn }),
      'unsupported_image',
    ],
  ];
  it.each(cases)('%s → %s', async (_name, fields, code) => {
    const h = startPlugin();
    const message = await fields(h);
    await h.settleAsync();
    const before = h.double.describeNodes();
    const selection = h.figma.currentPage.selection.map((n) => n.id);
    const reply = await placeAsync(h, message);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(h.double.describeNodes()).toEqual(before);
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual(selection);
    expect(h.double.undoCommits).toBe(0);
  });
});
