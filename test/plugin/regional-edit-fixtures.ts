/**
 * One regional edit on the Figma double, sandbox and panel code together, and the checks the regional-edit tests make
 * of its result: the pixels compared with the source inside and outside the mask, the mask with the shape.
 */
import { expect } from 'vitest';
import type { ExportedImage, PlacedResult } from '../../core/messages.js';
import { decodePng, encodePng, type RgbaImage } from '../../core/png.js';
import { alignShapeMask } from '../../core/align-shape-mask.js';
import type { AlphaMask } from '../../core/region-mask.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { MASK_FRAME_NAME } from '../../plugin/export-region-mask.js';
import { pngExportSettings } from '../../plugin/export-png.js';
import { pureCodec } from '../../ui/image/pixel-codec.js';
import { compositeRegion, finishRegionEditAsync, prepareRegionEditAsync } from '../../ui/image/region-edit.js';
import { randomImage } from '../core/region-test-images.js';
import { publicModels } from '../ui/fixtures.js';
import { editDraft, valueOf, type Harness } from './harness.js';

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

/** What one regional edit went through: the source export, its mask, the result as exported, the composite, the layer. */
export interface RegionalEdit {
  source: RgbaImage;
  mask: AlphaMask;
  result: RgbaImage;
  composite: RgbaImage;
  placed: PlacedResult;
}

/** The whole regional edit of `source` through `shape` at `scale`, with a seeded random answer as the model's. */
export async function regionalEditAsync(
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
export function compare(edit: RegionalEdit): {
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
export function expectOnlyResultAdded(
  h: Harness,
  before: ReturnType<Harness['double']['describeNodes']>,
  resultId: string,
) {
  const after = h.double.describeNodes();
  const added = after.filter((n) => !before.some((b) => b.id === n.id));
  expect(added.map((n) => n.id)).toEqual([resultId]);
  for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
  expect(after.some((n) => n.name === MASK_FRAME_NAME)).toBe(false);
}

/** The node `id` as the double describes it. */
export function describe1(h: Harness, id: string) {
  return h.double.describeNodes().find((n) => n.id === id);
}

/** The mask Figma drew agrees with the shape's geometry: within anti-aliasing along the edge, nowhere else. */
export function expectMasksAgree(actual: AlphaMask, expected: AlphaMask): void {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let far = 0;
  for (let i = 0; i < actual.alpha.length; i++) {
    if (Math.abs(actual.alpha[i]! - expected.alpha[i]!) > 160) far++;
  }
  expect(far).toBe(0);
}
