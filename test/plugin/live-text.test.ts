/**
 * Posters and layouts in the sandbox: the snapshot reads a frame's text and export scale, EXPORT_SOURCE
 * exports without the text on a temporary copy, and PLACE_RESULT with `liveText` builds the result as a copy of the
 * frame whose fill is the image and whose text layers stay live on top. The source frame is never touched.
 */
import { describe, expect, it } from 'vitest';
import type { ExportedImage, PlacedResult } from '../../core/messages.js';
import jpeg from 'jpeg-js';
import { createImage, decodePng } from '../../core/png.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft } from '../../core/turn-record.js';
import { pngExportSettings } from '../../plugin/export-png.js';
import { snapshotNode } from '../../plugin/snapshot-node.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const turn = (nodeId: string): TurnDraft => editDraft(nodeId);

async function exportSourceAsync(h: Harness, fields: Record<string, unknown>): Promise<ExportedImage> {
  return valueOf(
    await h.requestAsync({ type: 'EXPORT_SOURCE', nodeId: h.sample.poster.id, hideNodeIds: [], ...fields }),
  ) as ExportedImage;
}

describe('the snapshot of a frame', () => {
  it('carries its export scale: its first PNG/JPG setting, else 2×', () => {
    const h = startPlugin();
    expect(snapshotNode(h.sample.poster).exportScale).toBe(2);
    h.sample.poster.exportSettings = [{ format: 'SVG' }, { format: 'PNG', constraint: { type: 'SCALE', value: 3 } }];
    expect(snapshotNode(h.sample.poster).exportScale).toBe(3);
    h.sample.poster.exportSettings = [{ format: 'JPG', constraint: { type: 'WIDTH', value: 1080 } }];
    expect(snapshotNode(h.sample.poster).exportScale).toBe(2);
  });

  it('lists its visible text layers in its own coordinates, and leaves hidden ones out', () => {
    const h = startPlugin();
    h.sample.body.visible = false;
    const snapshot = snapshotNode(h.sample.poster);
    expect(snapshot.texts?.map((t) => [t.name, t.characters, t.fontSize, t.x, t.y])).toEqual([
      ['Headline', 'Summer Sale', 56, 40, 440],
      ['CTA', 'Shop now', 22, 40, 595],
    ]);
    expect(snapshotNode(h.sample.headline).texts).toBeUndefined();
  });
});

describe('EXPORT_SOURCE', () => {
  it('exports at the scale asked for, capped at 4096 a side', async () => {
    const h = startPlugin();
    expect(await exportSourceAsync(h, { scale: 2, hideText: false })).toMatchObject({ width: 1080, height: 1350 });
    expect(await exportSourceAsync(h, { scale: 16, hideText: false })).toMatchObject({ width: 3277, height: 4096 });
  });

  it('hides the text on a temporary copy: the poster and its texts are untouched', async () => {
    const h = startPlugin();
    const before = JSON.stringify(h.double.serialize());
    const withText = decodePng((await exportSourceAsync(h, { scale: 1, hideText: false })).bytes);
    const without = decodePng((await exportSourceAsync(h, { scale: 1, hideText: true })).bytes);
    expect(JSON.stringify(h.double.serialize())).toBe(before);
    // Inside the headline's box the pixels differ (the white letters are gone); far from any text they are the same.
    const differs = (x: number, y: number) => {
      const i = (y * 540 + x) * 4;
      return Array.from(withText.data.subarray(i, i + 4)).join() !== Array.from(without.data.subarray(i, i + 4)).join();
    };
    let inHeadline = 0;
    for (let y = 445; y < 500; y++) for (let x = 45; x < 300; x++) if (differs(x, y)) inHeadline++;
    expect(inHeadline).toBeGreaterThan(500);
    for (let y = 0; y < 400; y += 7) for (let x = 0; x < 540; x += 7) expect(differs(x, y)).toBe(false);
    // The CTA button (not text) is still in the picture.
    const button = (620 * 540 + 60) * 4;
    expect(Array.from(without.data.subarray(button, button + 3))).toEqual([255, 140, 26]);
  });
});

describe('PLACE_RESULT with liveText', () => {
  async function placeAsync(h: Harness) {
    const image = solidPngBytes(1080, 1350, [30, 90, 160, 255]);
    return valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image,
        sourceNodeId: h.sample.poster.id,
        turn: turn(h.sample.poster.id),
        liveText: true,
      }),
    ) as PlacedResult;
  }

  it('is a copy of the frame: the image as its fill, its text layers live on top, nothing else', async () => {
    const h = startPlugin();
    const poster = h.sample.poster;
    const before = h.double.describeNodes();
    const sourcePixels = await poster.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }));
    const placed = await placeAsync(h);
    const copy = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect(copy.type).toBe('FRAME');
    expect(copy.name).toBe('Poster — warmer light');
    expect([copy.width, copy.height]).toEqual([540, 675]);
    expect(copy.x).toBeGreaterThanOrEqual(poster.x + poster.width);
    expect((copy.fills as Paint[]).map((p) => p.type)).toEqual(['IMAGE']);
    // The texts, where they were, still text (editable); the scrim and the button are in the image now.
    expect(copy.children.map((c) => [c.type, c.name, c.x, c.y])).toEqual([
      ['TEXT', 'Headline', 40, 440],
      ['TEXT', 'Body', 40, 520],
      ['TEXT', 'CTA', 40, 595],
    ]);
    expect((copy.children[0] as TextNode).characters).toBe('Summer Sale');
    // Its own record, with the source as the source; the source's properties, children and pixels unchanged.
    const record = parseTurnRecord(copy.getPluginData(TURN_RECORD_KEY));
    expect(record).toMatchObject({ ok: true, value: { sourceNodeId: poster.id, originNodeId: copy.id } });
    const after = h.double.describeNodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(await poster.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }))).toEqual(sourcePixels);
    expect(poster.children.map((c) => c.name)).toEqual(['Scrim', 'Headline', 'Body', 'CTA button', 'CTA']);
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([copy.id]);
  });

  it('is one undo step, and continuing it makes another copy of the result', async () => {
    const h = startPlugin();
    const first = await placeAsync(h);
    const layer = (await h.figma.getNodeByIdAsync(first.nodeId)) as FrameNode;
    const next = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: solidPngBytes(1080, 1350, [10, 10, 10, 255]),
        sourceNodeId: layer.id,
        turn: turn(layer.id),
        liveText: true,
      }),
    ) as PlacedResult;
    expect(next.record.parentId).toBe(first.record.id);
    const copy = (await h.figma.getNodeByIdAsync(next.nodeId)) as FrameNode;
    expect(copy.children.map((c) => c.name)).toEqual(['Headline', 'Body', 'CTA']);
    h.double.undo();
    expect(copy.removed).toBe(true);
    expect(layer.removed).toBe(false);
  });

  it('takes a JPEG answer as it is: the copy’s fill is those bytes, the text live on top', async () => {
    const h = startPlugin();
    const jpegBytes = jpeg.encode(createImage(1080, 1350, [200, 120, 40, 255]), 90).data;
    const placed = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: jpegBytes,
        sourceNodeId: h.sample.poster.id,
        turn: turn(h.sample.poster.id),
        liveText: true,
      }),
    ) as PlacedResult;
    const copy = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    const fill = (copy.fills as ImagePaint[])[0]!;
    const bytes = await h.figma.getImageByHash(fill.imageHash!)!.getBytesAsync();
    expect(Buffer.from(bytes).equals(Buffer.from(jpegBytes))).toBe(true);
    expect(copy.children.map((c) => c.type)).toEqual(['TEXT', 'TEXT', 'TEXT']);
  });

  it('falls back to a plain result for a source that is not a frame', async () => {
    const h = startPlugin();
    const rect = h.figma.createRectangle();
    const placed = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: solidPngBytes(100, 100, [1, 2, 3, 255]),
        sourceNodeId: rect.id,
        turn: turn(rect.id),
        liveText: true,
      }),
    ) as PlacedResult;
    const layer = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect(layer.children).toEqual([]);
  });

  it('for an Expand, grows to the canvas and moves the text with the original’s place in it', async () => {
    const h = startPlugin();
    const original = { x: 330, y: 20, width: 540, height: 675 };
    const placed = valueOf(
      await h.requestAsync({
        type: 'PLACE_RESULT',
        image: solidPngBytes(2400, 1430, [10, 10, 10, 255]),
        sourceNodeId: h.sample.poster.id,
        turn: { ...turn(h.sample.poster.id), tool: { name: 'expand', canvas: { width: 1200, height: 715 }, original } },
        size: { width: 1200, height: 715 },
        liveText: true,
      }),
    ) as PlacedResult;
    const copy = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
    expect([copy.width, copy.height]).toEqual([1200, 715]);
    expect(copy.children.map((c) => [c.type, c.name, c.x, c.y, c.width])).toEqual([
      ['TEXT', 'Headline', 370, 460, h.sample.headline.width],
      ['TEXT', 'Body', 370, 540, 460],
      ['TEXT', 'CTA', 370, 615, 180],
    ]);
    expect([h.sample.poster.width, h.sample.headline.x]).toEqual([540, 40]);
  });
});
