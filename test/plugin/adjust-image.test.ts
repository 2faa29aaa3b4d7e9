/**
 * Instant adjustments on the Figma double (docs/adjustments.md): ADJUST_IMAGE puts a copy beside the layer with its
 * own image fill's filters moved, the same image (nothing re-encoded), a turn record at $0, one undo step; the source
 * is untouched; a layer without an image fill of its own is refused in plain words.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedResult } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft } from '../../core/turn-record.js';
import { decodePng } from '../../core/png.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

function photoLayer(h: Harness, filters?: ImageFilters): RectangleNode {
  const photo = h.figma.createRectangle();
  photo.name = 'Photo';
  photo.resize(300, 200);
  photo.x = 100;
  photo.y = 900;
  const image = h.figma.createImage(solidPngBytes(60, 40, [10, 120, 60, 255]));
  photo.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL', ...(filters ? { filters } : {}) }];
  return photo;
}

function adjustDraft(nodeId: string, filters: Record<string, number>): TurnDraft {
  const draft = editDraft(nodeId, { prompt: 'warmer' });
  return {
    ...draft,
    tool: { name: 'adjust', filters },
    usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 },
  };
}

async function adjustAsync(h: Harness, source: SceneNode, filters: Record<string, number>) {
  return h.requestAsync({
    type: 'ADJUST_IMAGE',
    nodeId: source.id,
    filters,
    turn: adjustDraft(source.id, filters),
    pressedSelection: [source.id],
  });
}

describe('ADJUST_IMAGE', () => {
  it('places a copy beside the source with the filters moved, as one undo step', async () => {
    const h = startPlugin();
    const photo = photoLayer(h, { temperature: 0.1, tint: 0.2 });
    const before = JSON.stringify(photo.fills);
    h.figma.currentPage.selection = [photo];
    h.double.commitUserEdit();
    const layers = h.double.describeNodes().length;

    const placed = valueOf(await adjustAsync(h, photo, { temperature: 0.3, contrast: 0.15 })) as PlacedResult;
    const copy = (await h.figma.getNodeByIdAsync(placed.nodeId)) as RectangleNode;
    expect(copy.id).not.toBe(photo.id);
    expect(copy.x).toBeGreaterThanOrEqual(photo.x + photo.width);
    expect([copy.width, copy.height]).toEqual([300, 200]);
    const paint = (copy.fills as readonly ImagePaint[])[0]!;
    // The same image: nothing was re-encoded. The filters the layer had are kept and moved.
    expect(paint.imageHash).toBe((photo.fills as readonly ImagePaint[])[0]!.imageHash);
    expect(paint.filters).toEqual({ temperature: 0.4, tint: 0.2, contrast: 0.15 });
    expect(JSON.stringify(photo.fills)).toBe(before);

    const record = parseTurnRecord(copy.getPluginData(TURN_RECORD_KEY));
    expect(record.ok && record.value?.tool).toEqual({ name: 'adjust', filters: { temperature: 0.3, contrast: 0.15 } });
    expect(record.ok && record.value?.usage.costUsd).toBe(0);
    // The designer's own photo: the copy is not AI-generated.
    expect(record.ok && record.value?.provenance).toEqual({
      aiGenerated: false,
      model: 'figma-image-filters',
      synthId: false,
    });
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([copy.id]);

    h.double.undo();
    expect(h.double.describeNodes()).toHaveLength(layers);
    expect(await h.figma.getNodeByIdAsync(copy.id)).toBeNull();
    expect(JSON.stringify(photo.fills)).toBe(before);
    h.close();
  });

  it("keeps an AI result's provenance and continues its turn", async () => {
    const h = startPlugin();
    const photo = photoLayer(h);
    const made = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: solidPngBytes(60, 40, [200, 100, 50, 255]),
        sourceNodeId: photo.id,
        turn: editDraft(photo.id),
      }),
    ) as PlacedResult;
    const result = (await h.figma.getNodeByIdAsync(made.nodeId)) as SceneNode;
    const placed = valueOf(await adjustAsync(h, result, { saturation: -0.3 })) as PlacedResult;
    expect(placed.record.parentId).toBe(made.record.id);
    expect(placed.record.provenance).toEqual(made.record.provenance);
    expect(placed.record.provenance.aiGenerated).toBe(true);
    h.close();
  });

  it('draws the filters in exports, in their direction (the curves of the double are assumed)', async () => {
    const h = startPlugin();
    const photo = photoLayer(h);
    const placed = valueOf(await adjustAsync(h, photo, { temperature: 0.5, exposure: 0.3 })) as PlacedResult;
    const copy = (await h.figma.getNodeByIdAsync(placed.nodeId)) as RectangleNode;
    const pixel = async (node: SceneNode) => decodePng(await node.exportAsync({ format: 'PNG' })).data.subarray(0, 4);
    const [r0, g0, b0] = await pixel(photo);
    const [r1, g1, b1] = await pixel(copy);
    // Source 10,120,60: brighter overall, and warmer (more red, less blue than brightness alone gives).
    expect([r0, g0, b0]).toEqual([10, 120, 60]);
    expect(g1!).toBeGreaterThan(g0!);
    expect(r1! / g1!).toBeGreaterThan(r0! / g0!);
    expect(b1! / g1!).toBeLessThan(b0! / g0!);
    h.close();
  });

  it('refuses a layer with no image fill of its own, and adds nothing', async () => {
    const h = startPlugin();
    const card = h.figma.createFrame();
    card.name = 'Card';
    card.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
    const layers = h.double.describeNodes().length;
    const reply = await adjustAsync(h, card, { exposure: 0.3 });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/has no image fill of its own to adjust/);
    expect(h.double.describeNodes()).toHaveLength(layers);
    h.close();
  });
});
