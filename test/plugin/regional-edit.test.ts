/**
 * Regional edits on the Figma double, sandbox and panel logic together in Node: the real sandbox code
 * answers EXPORT_SOURCE and EXPORT_REGION_MASK, the panel's real image code (ui/image/region-edit.ts) plans the crop
 * and composites a stand-in answer through the mask, and PLACE_RESULT puts the result on the canvas. Then the result
 * layer is exported as Figma would export it, and **every pixel outside the shape must equal the source export, byte
 * for byte**, for several shapes: a rotated ellipse, a concave pen path inside the frame, a rectangle running off
 * the frame's edge, a star, an open pen path, and a frame with transparent and semi-transparent pixels.
 */
import { describe, expect, it } from 'vitest';
import type { ExportedImage, PlacedResult } from '../../core/messages.js';
import { decodePng, encodePng, type RgbaImage } from '../../core/png.js';
import { alignShapeMask } from '../../core/align-shape-mask.js';
import type { AlphaMask } from '../../core/region-mask.js';
import { rasterizeShape } from '../../core/region-shape.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { MASK_FRAME_NAME } from '../../plugin/export-region-mask.js';
import { pngExportSettings } from '../../plugin/export-png.js';
import { pureCodec } from '../../ui/image/pixel-codec.js';
import { compositeRegion, finishRegionEditAsync, prepareRegionEditAsync } from '../../ui/image/region-edit.js';
import { randomImage } from '../core/region-test-images.js';
import { publicModels } from '../ui/fixtures.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;

const turn = (sourceId: string, shapeId: string): TurnDraft =>
  editDraft(sourceId, {
    prompt: 'make it a red armchair',
    params: { aspectRatio: '1:1', imageSize: '1K' },
    region: { nodeId: shapeId, x: 1, y: 1, width: 10, height: 10 },
  });

async function exportAsync(h: Harness, message: Record<string, unknown> & { type: string }): Promise<ExportedImage> {
  return valueOf(await h.requestAsync(message)) as ExportedImage;
}

interface RegionalEdit {
  source: RgbaImage;
  mask: AlphaMask;
  result: RgbaImage;
  composite: RgbaImage;
  placed: PlacedResult;
}

/** The whole regional edit of `source` through `shape` at `scale`, with a seeded random answer as the model's. */
async function regionalEditAsync(
  h: Harness,
  source: SceneNode,
  shape: SceneNode,
  scale: number,
): Promise<RegionalEdit> {
  const sourcePng = await exportAsync(h, {
    type: 'EXPORT_SOURCE',
    nodeId: source.id,
    scale,
    hideText: false,
    hideNodeIds: [shape.id],
  });
  const maskPng = await exportAsync(h, {
    type: 'EXPORT_REGION_MASK',
    sourceNodeId: source.id,
    shapeNodeId: shape.id,
    scale,
  });
  expect([maskPng.width, maskPng.height]).toEqual([sourcePng.width, sourcePng.height]);
  const prepared = await prepareRegionEditAsync(pureCodec, sourcePng.bytes, maskPng.bytes, flash);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const { send } = prepared.value.plan;
  const answer = randomImage(send.width, send.height, 7, true);
  const composite = compositeRegion(prepared.value, answer);
  const image = await finishRegionEditAsync(pureCodec, prepared.value, encodePng(answer));
  if (!image.ok) throw new Error(image.error.message);
  const placed = valueOf(
    await h.requestAsync({
      type: 'PLACE_RESULT',
      image: image.value,
      sourceNodeId: source.id,
      turn: turn(source.id, shape.id),
    }),
  ) as PlacedResult;
  const layer = (await h.figma.getNodeByIdAsync(placed.nodeId)) as FrameNode;
  // The result as Figma exports it, on the same grid as the source export.
  const result = decodePng(await layer.exportAsync(pngExportSettings({ type: 'SCALE', value: scale })));
  return {
    source: decodePng(sourcePng.bytes),
    mask: alignShapeMask(decodePng(maskPng.bytes), { x: 0, y: 0 }, sourcePng.width, sourcePng.height),
    result,
    composite,
    placed,
  };
}

/**
 * Pixels outside the mask that differ from the source, and pixels deep inside that were changed, in the result layer
 * as Figma exports it. The panel's composite must equal the source outside the mask byte for byte, with no
 * exception. Figma's renderer works in premultiplied colour, so a fully transparent pixel comes back as (0, 0, 0, 0)
 * whatever colour bytes it had in the export: in the re-exported layer, two pixels that are both fully transparent
 * count as equal.
 */
function compare(edit: RegionalEdit): {
  outside: number;
  outsideChanged: number;
  inside: number;
  insideChanged: number;
} {
  const { source, mask, result, composite } = edit;
  expect([result.width, result.height]).toEqual([source.width, source.height]);
  let outside = 0;
  let outsideChanged = 0;
  let inside = 0;
  let insideChanged = 0;
  for (let p = 0; p < mask.alpha.length; p++) {
    const i = p * 4;
    const bothClear = result.data[i + 3] === 0 && source.data[i + 3] === 0;
    const same =
      bothClear ||
      (result.data[i] === source.data[i] &&
        result.data[i + 1] === source.data[i + 1] &&
        result.data[i + 2] === source.data[i + 2] &&
        result.data[i + 3] === source.data[i + 3]);
    if (mask.alpha[p] === 0) {
      for (let k = 0; k < 4; k++) if (composite.data[i + k] !== source.data[i + k]) outsideChanged++;
      outside++;
      if (!same) outsideChanged++;
    } else if (mask.alpha[p] === 255) {
      inside++;
      if (!same) insideChanged++;
    }
  }
  return { outside, outsideChanged, inside, insideChanged };
}

/** Nothing but the result was added, and nothing temporary is left on the page. */
function expectOnlyResultAdded(h: Harness, before: ReturnType<Harness['double']['describeNodes']>, resultId: string) {
  const after = h.double.describeNodes();
  const added = after.filter((n) => !before.some((b) => b.id === n.id));
  expect(added.map((n) => n.id)).toEqual([resultId]);
  for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
  expect(after.some((n) => n.name === MASK_FRAME_NAME)).toBe(false);
}

describe('regional edit, byte for byte outside the shape', { timeout: 90_000 }, () => {
  it('a rotated ellipse drawn over the product shot (a sibling on the page)', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const ellipse = h.figma.createEllipse();
    ellipse.resize(240, 120);
    ellipse.x = 900;
    ellipse.y = 150;
    ellipse.rotation = 30;
    ellipse.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 0.3 }];
    ellipse.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }];
    const shapeBefore = JSON.stringify({ ...describe1(h, ellipse.id), fills: ellipse.fills, strokes: ellipse.strokes });
    const before = h.double.describeNodes();

    const edit = await regionalEditAsync(h, source, ellipse, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    expect(counts.inside).toBeGreaterThan(10_000);
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    // The result is exactly the panel's composite: Figma's image fill at the export scale adds nothing.
    expect(edit.result.data).toEqual(edit.composite.data);
    expect([edit.placed.width, edit.placed.height]).toEqual([600, 600]);
    expect(edit.placed.x).toBeGreaterThanOrEqual(source.x + source.width);

    // The mask is the ellipse itself (translucent fill and stroke notwithstanding), on the source's grid.
    const [[a, , e], [b, , f]] = ellipse.absoluteTransform;
    const expected = rasterizeShape(1200, 1200, {
      kind: 'ellipse',
      cx: (e + a * 120 - b * 60 - source.x) * 2,
      cy: (f + b * 120 + a * 60 - source.y) * 2,
      rx: 240,
      ry: 120,
      rotation: (Math.atan2(b, a) * 180) / Math.PI,
    });
    expectMasksAgree(edit.mask, expected);
    expect(JSON.stringify({ ...describe1(h, ellipse.id), fills: ellipse.fills, strokes: ellipse.strokes })).toBe(
      shapeBefore,
    );
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a concave pen path drawn inside the poster (a child, hidden from the export on a copy)', async () => {
    const h = startPlugin();
    const source = h.sample.poster;
    const path = h.figma.createVector();
    // A "C": concave, so the crop holds pixels between its arms that must not change.
    const points: [number, number][] = [
      [100, 60],
      [420, 60],
      [420, 140],
      [200, 140],
      [200, 300],
      [420, 300],
      [420, 380],
      [100, 380],
    ];
    path.vectorPaths = [{ windingRule: 'NONZERO', data: `M ${points.map((p) => p.join(' ')).join(' L ')} Z` }];
    path.fills = [{ type: 'SOLID', color: { r: 0.2, g: 0.8, b: 0.2 } }];
    source.appendChild(path);
    path.x = 100;
    path.y = 60;
    const before = h.double.describeNodes();
    const pixelsBefore = await source.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }));

    const edit = await regionalEditAsync(h, source, path, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    // The source export did not show the shape: between the arms, and around it, is the poster itself.
    const expected = rasterizeShape(1080, 1350, { kind: 'polygon', points: points.map(([x, y]) => [x * 2, y * 2]) });
    expectMasksAgree(edit.mask, expected);
    const centre = (260 * 1080 + 300) * 4; // (300, 260) in export pixels: between the arms
    expect(Array.from(edit.source.data.subarray(centre, centre + 4))).not.toEqual([51, 204, 51, 255]);
    // The poster, its shape and its texts are as they were.
    expect(await source.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }))).toEqual(pixelsBefore);
    expect(path.visible).toBe(true);
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a rectangle running off the frame’s left edge: edited right up to the edge', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const rect = h.figma.createRectangle();
    rect.resize(300, 200);
    rect.x = source.x - 100;
    rect.y = 350;
    const before = h.double.describeNodes();
    const edit = await regionalEditAsync(h, source, rect, 1);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    // The frame's edge is not an edge of the shape: the first column inside the region is the answer's.
    const row = 450 * 600 * 4;
    expect(Array.from(edit.result.data.subarray(row, row + 4))).not.toEqual(
      Array.from(edit.source.data.subarray(row, row + 4)),
    );
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a star, and an open pen path (filled as Figma fills it)', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const star = h.figma.createStar();
    star.resize(200, 200);
    star.x = 700;
    star.y = 50;
    const open = h.figma.createVector();
    open.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 150 40 L 60 160' }];
    open.x = 950;
    open.y = 300;
    for (const shape of [star, open]) {
      const before = h.double.describeNodes();
      const edit = await regionalEditAsync(h, source, shape, 1.5);
      const counts = compare(edit);
      expect(counts.outsideChanged).toBe(0);
      expect(counts.inside).toBeGreaterThan(2000);
      expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
      expectOnlyResultAdded(h, before, edit.placed.nodeId);
    }
    expect(open.vectorPaths[0]!.windingRule).toBe('NONE');
  });

  it('a frame with transparent and semi-transparent pixels keeps them exactly outside the shape', async () => {
    const h = startPlugin();
    const frame = h.figma.createFrame();
    frame.resize(300, 200);
    frame.x = 2000;
    frame.fills = [];
    const dot = h.figma.createEllipse();
    dot.resize(200, 150);
    dot.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.5, b: 0.9 }, opacity: 0.5 }];
    frame.appendChild(dot);
    const rect = h.figma.createRectangle();
    rect.resize(80, 80);
    rect.x = 2100;
    rect.y = 60;
    const edit = await regionalEditAsync(h, frame, rect, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    let transparent = 0;
    let partial = 0;
    for (let i = 3; i < edit.source.data.length; i += 4) {
      if (edit.source.data[i] === 0) transparent++;
      else if (edit.source.data[i]! < 255) partial++;
    }
    expect(transparent).toBeGreaterThan(1000);
    expect(partial).toBeGreaterThan(1000);
  });
});

describe('what the sandbox refuses, and what it never leaves behind', () => {
  it('a line has no area; a text layer cannot mark a region', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({
      type: 'EXPORT_REGION_MASK',
      sourceNodeId: h.sample.poster.id,
      shapeNodeId: h.sample.headline.id,
      scale: 1,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/Headline/) },
    });
  });

  it('removes the temporary mask frame when the export fails, and the shape is untouched', async () => {
    const h = startPlugin();
    const ellipse = h.figma.createEllipse();
    ellipse.x = 700;
    ellipse.y = 100;
    const before = JSON.stringify(h.double.serialize());
    const createFrame = h.figma.createFrame.bind(h.figma);
    h.figma.createFrame = () => {
      const frame = createFrame();
      frame.exportAsync = failingExport;
      return frame;
    };
    const reply = await h.requestAsync({
      type: 'EXPORT_REGION_MASK',
      sourceNodeId: h.sample.productShot.id,
      shapeNodeId: ellipse.id,
      scale: 2,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(h.double.serialize())).toBe(before);
  });

  it('removes the temporary copy when a hidden-text export fails', async () => {
    const h = startPlugin();
    const before = JSON.stringify(h.double.serialize());
    const clone = h.sample.poster.clone.bind(h.sample.poster);
    h.sample.poster.clone = () => {
      const copy = clone();
      copy.exportAsync = failingExport;
      return copy;
    };
    const reply = await h.requestAsync({
      type: 'EXPORT_SOURCE',
      nodeId: h.sample.poster.id,
      scale: 2,
      hideText: true,
      hideNodeIds: [],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(h.double.serialize())).toBe(before);
  });
});

/**
 * An `exportAsync` that fails, as Figma's does when the sandbox runs out of memory
 * (docs/figma-platform.md#little-memory-in-the-sandbox).
 */
const failingExport = (() => Promise.reject(new Error('out of memory'))) as SceneNode['exportAsync'];

function describe1(h: Harness, id: string) {
  return h.double.describeNodes().find((n) => n.id === id);
}

/** The mask Figma drew agrees with the shape's geometry: within anti-aliasing along the edge, nowhere else. */
function expectMasksAgree(actual: AlphaMask, expected: AlphaMask): void {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let far = 0;
  for (let i = 0; i < actual.alpha.length; i++) {
    if (Math.abs(actual.alpha[i]! - expected.alpha[i]!) > 160) far++;
  }
  expect(far).toBe(0);
}
