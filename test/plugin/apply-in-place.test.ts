/**
 * Apply in place on the Figma double: the result replaces the source's image fill as one undo step, the original
 * fill stays on the layer (hidden) and in the turn record, ⌘Z puts the layer back, and a layer without an image
 * fill gets a new layer beside it instead.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

function photoLayer(h: Harness): RectangleNode {
  const photo = h.figma.createRectangle();
  photo.name = 'Photo';
  photo.resize(300, 200);
  photo.x = 100;
  photo.y = 900;
  const image = h.figma.createImage(solidPngBytes(600, 400, [10, 120, 60, 255]));
  photo.fills = [
    {
      type: 'IMAGE',
      imageHash: image.hash,
      scaleMode: 'CROP',
      opacity: 0.9,
      imageTransform: [
        [1, 0, 0],
        [0, 1, 0],
      ],
    },
  ];
  return photo;
}

async function applyAsync(h: Harness, source: SceneNode): Promise<PlacedResult> {
  const reply = await h.requestAsync({
    type: 'PLACE_RESULT',
    image: solidPngBytes(600, 400, [220, 60, 30, 255]),
    sourceNodeId: source.id,
    turn: editDraft(source.id),
    applyInPlace: true,
    pressedSelection: [source.id],
  });
  return valueOf(reply) as PlacedResult;
}

describe('Apply in place', () => {
  it('replaces the image fill as one undo step, keeping the original recoverable', async () => {
    const h = startPlugin();
    const photo = photoLayer(h);
    const original = (photo.fills as readonly ImagePaint[])[0]!;
    h.figma.currentPage.selection = [photo];
    // The designer's own drawing is an undo step of theirs, before the plugin's.
    h.double.commitUserEdit();
    await h.settleAsync();
    const layers = h.double.describeNodes().length;
    const commits = h.double.undoCommits;

    const placed = await applyAsync(h, photo);
    expect(placed.nodeId).toBe(photo.id);
    expect(h.double.describeNodes()).toHaveLength(layers);
    expect([photo.x, photo.y, photo.width, photo.height]).toEqual([100, 900, 300, 200]);
    const fills = photo.fills as readonly ImagePaint[];
    expect(fills).toHaveLength(2);
    expect(fills[0]).toMatchObject({ imageHash: original.imageHash, scaleMode: 'CROP', visible: false });
    expect(fills[1]).toMatchObject({ type: 'IMAGE', imageHash: placed.record.resultHash, scaleMode: 'FILL' });
    expect(fills[1]!.visible).not.toBe(false);
    expect(placed.record).toMatchObject({
      sourceNodeId: photo.id,
      originNodeId: photo.id,
      replacedFill: {
        imageHash: original.imageHash,
        scaleMode: 'CROP',
        index: 0,
        opacity: 0.9,
        imageTransform: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      },
    });
    expect(parseTurnRecord(photo.getPluginData(TURN_RECORD_KEY))).toEqual({ ok: true, value: placed.record });
    expect(h.double.undoCommits).toBe(commits + 1);

    // ⌘Z: the layer as it was, its one fill the original, and no record.
    h.double.undo();
    await h.settleAsync();
    const restored = (await h.figma.getNodeByIdAsync(photo.id)) as RectangleNode;
    expect(restored.fills).toEqual([original]);
    expect(restored.getPluginData(TURN_RECORD_KEY)).toBe('');
  });

  it('gives a layer with no image fill a new layer beside it, as without the choice', async () => {
    const h = startPlugin();
    const box = h.figma.createRectangle();
    box.resize(100, 100);
    box.x = 2000;
    box.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    const before = JSON.stringify(box.fills);
    const placed = await applyAsync(h, box);
    expect(placed.nodeId).not.toBe(box.id);
    expect(JSON.stringify(box.fills)).toBe(before);
    expect(box.getPluginData(TURN_RECORD_KEY)).toBe('');
  });
});
