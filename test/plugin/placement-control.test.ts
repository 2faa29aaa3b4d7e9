/**
 * The designer stays in control of the canvas: a result takes the selection only while it is as Generate left it;
 * an answer whose source was deleted meanwhile is still placed, at the source's old spot; a text-to-image result
 * covers no layer and is sized in points, whatever its pixels.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import { RESULT_GAP } from '../../core/placement.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { overlapsWithGap } from '../../core/variant-layout.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const textTurn = (imageSize: TurnDraft['params']['imageSize'] = '1K', more: Partial<TurnDraft> = {}): TurnDraft =>
  editDraft(null, { prompt: 'a red bicycle', params: { aspectRatio: '16:9', imageSize }, ...more });

async function placeAsync(h: Harness, fields: Record<string, unknown>): Promise<PlacedResult> {
  return valueOf(await h.requestAsync({ type: 'PLACE_RESULT', ...fields })) as PlacedResult;
}

const ids = (h: Harness) => h.figma.currentPage.selection.map((n) => n.id);

describe('the selection after a result', () => {
  it('moves to the result when the selection is still the one Generate was pressed with', async () => {
    const h = startPlugin();
    const { poster } = h.sample;
    h.figma.currentPage.selection = [poster];
    const image = solidPngBytes(54, 67, [200, 90, 40, 255]);
    const placed = await placeAsync(h, {
      image,
      sourceNodeId: poster.id,
      turn: editDraft(poster.id),
      pressedSelection: [poster.id],
    });
    expect(ids(h)).toEqual([placed.nodeId]);
    expect(h.double.scrolledIntoView.at(-1)).toEqual([placed.nodeId]);
  });

  it('stays where the designer put it meanwhile, and the view does not scroll', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    h.figma.currentPage.selection = [productShot];
    const scrolls = h.double.scrolledIntoView.length;
    const placed = await placeAsync(h, {
      image: solidPngBytes(54, 67, [200, 90, 40, 255]),
      sourceNodeId: poster.id,
      turn: editDraft(poster.id),
      pressedSelection: [poster.id],
    });
    expect(ids(h)).toEqual([productShot.id]);
    expect(h.double.scrolledIntoView.length).toBe(scrolls);
    // Still one undo step, and the result is there.
    expect(h.double.undoCommits).toBe(1);
    expect(await h.figma.getNodeByIdAsync(placed.nodeId)).not.toBeNull();
  });

  it('follows a batch while the designer leaves it alone, and stops once they select something else', async () => {
    const h = startPlugin();
    const { poster, productShot } = h.sample;
    h.figma.currentPage.selection = [poster];
    const variant = (index: number) =>
      placeAsync(h, {
        image: solidPngBytes(54, 67, [40 * index, 90, 200, 255]),
        sourceNodeId: poster.id,
        turn: editDraft(poster.id, { variant: { index, count: 3, batch: 'b1' } }),
        pressedSelection: [poster.id],
      });
    const first = await variant(0);
    const second = await variant(1);
    expect(ids(h)).toEqual([first.nodeId, second.nodeId]);
    h.figma.currentPage.selection = [productShot];
    await variant(2);
    expect(ids(h)).toEqual([productShot.id]);
  });
});

describe('an answer whose source was deleted while Gemini worked', () => {
  const box = { x: 100, y: 900, width: 300, height: 200 };

  it.each([false, true])(
    'is placed at the source’s old spot as a top-level frame (Keep text editable: %s)',
    async (liveText) => {
      const h = startPlugin();
      const photo = h.figma.createFrame();
      photo.name = 'Photo';
      photo.resize(box.width, box.height);
      photo.x = box.x;
      photo.y = box.y;
      const id = photo.id;
      photo.remove();
      const placed = await placeAsync(h, {
        image: solidPngBytes(600, 400, [10, 120, 60, 255]),
        sourceNodeId: id,
        turn: editDraft(id),
        pressedSource: { name: 'Photo', box },
        ...(liveText ? { liveText: true } : {}),
      });
      const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
      expect(node.parent?.id).toBe(h.figma.currentPage.id);
      expect([node.x, node.y, node.width, node.height]).toEqual([100, 900, 300, 200]);
      expect(node.name).toBe('Photo — warmer light');
      expect(placed.sourceDeleted).toEqual({ name: 'Photo' });
      expect(placed.record).toMatchObject({ parentId: null, sourceNodeId: id, originNodeId: node.id });
      expect(h.double.undoCommits).toBe(1);
    },
  );

  it('without the press’s box, still says the layer is gone (an older panel)', async () => {
    const h = startPlugin();
    const doomed = h.figma.createFrame();
    const id = doomed.id;
    doomed.remove();
    const reply = await h.requestAsync({
      type: 'PLACE_RESULT',
      image: solidPngBytes(4, 4, [0, 0, 0, 255]),
      sourceNodeId: id,
      turn: editDraft(id),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'stale_node' } });
  });
});

describe('a text-to-image result', () => {
  it('goes to free space near the view’s centre, over no layer, when the centre is taken', async () => {
    const h = startPlugin();
    const { poster } = h.sample;
    // The view is centred on the Poster (0–540 × 0–675).
    h.figma.viewport.center = { x: 270, y: 337 };
    const placed = await placeAsync(h, {
      image: solidPngBytes(400, 225, [200, 40, 40, 255]),
      sourceNodeId: null,
      turn: textTurn(),
    });
    const result = { x: placed.x, y: placed.y, width: placed.width, height: placed.height };
    for (const child of h.figma.currentPage.children) {
      if (child.id === placed.nodeId) continue;
      expect(overlapsWithGap(result, child.absoluteBoundingBox!, RESULT_GAP)).toBe(false);
    }
    // Near: just beside the Poster, not off somewhere far.
    expect(Math.hypot(placed.x + 200 - 270, placed.y + 112 - 337)).toBeLessThan(600);
    expect(poster.x).toBe(0);
  });

  it('is sized as the 1K equivalent in points, its image fill keeping every pixel', async () => {
    const h = startPlugin();
    h.figma.viewport.center = { x: 5000, y: 5000 };
    const placed = await placeAsync(h, {
      image: solidPngBytes(2752, 1536, [30, 60, 200, 255]),
      sourceNodeId: null,
      turn: textTurn('2K'),
    });
    expect([placed.width, placed.height]).toEqual([1376, 768]);
    const node = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    const fill = (node.fills as readonly Paint[])[0]!;
    expect(fill).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
    const image = h.figma.getImageByHash((fill as ImagePaint).imageHash!)!;
    expect(await image.getSizeAsync()).toEqual({ width: 2752, height: 1536 });
  });

  it('as a row of variants covers no layer either', async () => {
    const h = startPlugin();
    h.figma.viewport.center = { x: 640, y: 300 };
    const placed: PlacedResult[] = [];
    for (const index of [0, 1, 2]) {
      placed.push(
        await placeAsync(h, {
          image: solidPngBytes(320, 180, [40 * index, 90, 200, 255]),
          sourceNodeId: null,
          turn: textTurn('1K', { variant: { index, count: 3, batch: 't1' } }),
        }),
      );
    }
    const sample = [h.sample.poster, h.sample.productShot].map((n) => n.absoluteBoundingBox!);
    for (const p of placed) {
      for (const o of sample)
        expect(overlapsWithGap({ x: p.x, y: p.y, width: p.width, height: p.height }, o, 1)).toBe(false);
    }
    expect(new Set(placed.map((p) => p.y)).size).toBe(1);
  });
});
