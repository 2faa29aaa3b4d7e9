/**
 * The panel's half of a regional edit (docs/regional-edits.md#22-panel-plan-ask-composite), exact: the pixels go
 * through a {@link PixelCodec}, whose decode and encode are lossless (the pure codec everywhere; in the browser the
 * canvas where it is provably exact, ui/image/canvas-codec.ts), and everything between is pure code on RGBA arrays.
 *
 * `prepareRegionEditAsync` lines the shape's mask up with the source export, plans the crop, and makes the crop (and,
 * for a small region, the whole-frame scene reference) to send, flattened onto white because Gemini cannot read or
 * draw transparency. `finishRegionEditAsync` scales the answer back into the crop and composites it over the source
 * export through the mask, feathered inside the shape: every pixel outside the shape is the source's, byte for byte.
 */
import { compositeThroughMask, REGION_FEATHER_PX } from '../../core/composite-through-mask.js';
import { appError } from '../../core/errors.js';
import { PngError, type RgbaImage } from '../../core/png.js';
import { planRegionCrop, type RegionCropPlan, type RegionModel } from '../../core/region-crop.js';
import { alignShapeMask } from '../../core/align-shape-mask.js';
import { maskBounds, type AlphaMask } from '../../core/region-mask.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { PixelCodec } from './pixel-codec.js';

/** A regional edit ready to send, and what compositing the answer needs. */
export interface PreparedRegionEdit {
  /** The source export (the frame at its scale): what the result is composited onto. */
  source: RgbaImage;
  /** The shape's coverage on the source's grid. */
  mask: AlphaMask;
  plan: RegionCropPlan;
  /** The crop to send as the image to edit (PNG). */
  crop: Uint8Array;
  /** The whole frame, small, to send as the scene reference (PNG), or null. */
  scene: Uint8Array | null;
}

/**
 * Plans and makes what a regional edit sends. `model.maxInputImages` must be the room left for the crop and the
 * scene (the model's limit less the references sent with them).
 */
export async function prepareRegionEditAsync(
  codec: PixelCodec,
  sourcePng: Uint8Array,
  maskPng: Uint8Array,
  model: RegionModel,
): Promise<Result<PreparedRegionEdit>> {
  let source: RgbaImage;
  let shape: RgbaImage;
  try {
    [source, shape] = await Promise.all([codec.decodeExact(sourcePng), codec.decodeAlpha(maskPng)]);
  } catch (thrown) {
    if (!(thrown instanceof PngError)) throw thrown;
    return fail(
      appError('unsupported_image', 'Figma’s export of the layer or the shape could not be read. Try again.'),
    );
  }
  if (shape.width !== source.width || shape.height !== source.height) {
    return fail(appError('internal_error', 'The shape’s mask does not line up with the image. Try again.'));
  }
  // Option B of the note: the mask was exported on the source's own grid, so it sits at (0, 0).
  const mask = alignShapeMask(shape, { x: 0, y: 0 }, source.width, source.height);
  const bounds = maskBounds(mask);
  if (!bounds) {
    return fail(appError('bad_request', 'The shape does not cover the image. Draw it over the part to change.'));
  }
  const planned = planRegionCrop(source.width, source.height, bounds, model);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const whole = { x: 0, y: 0, width: source.width, height: source.height };
  const [crop, scene] = await Promise.all([
    codec.encodeToSend(source, plan.crop, plan.send.width, plan.send.height),
    plan.scene ? codec.encodeToSend(source, whole, plan.scene.width, plan.scene.height) : null,
  ]);
  return ok({ source, mask, plan, crop, scene });
}

/**
 * The model's answer (PNG or JPEG bytes) composited into the source through the shape, as the PNG to place (the
 * source export's size), or `unsupported_image` when the answer cannot be read.
 */
export async function finishRegionEditAsync(
  codec: PixelCodec,
  prepared: PreparedRegionEdit,
  answer: Uint8Array,
): Promise<Result<Uint8Array>> {
  const { crop } = prepared.plan;
  const patch = await codec.decodePatch(answer, crop.width, crop.height);
  if (!patch.ok) return patch;
  return ok(await codec.encodeExact(compositeRegion(prepared, patch.value)));
}

/** The composite itself, before encoding (for tests and the bench). */
export function compositeRegion(prepared: PreparedRegionEdit, answer: RgbaImage): RgbaImage {
  return compositeThroughMask(prepared.source, answer, prepared.plan.crop, prepared.mask, REGION_FEATHER_PX);
}
