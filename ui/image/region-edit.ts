/**
 * The panel's half of a regional edit (docs/regional-edits.md §2.2), pure and exact: no canvas (it premultiplies
 * alpha and would change pixels outside the shape), so Node tests, the bench and the panel get the same bytes.
 *
 * `prepareRegionEdit` lines the shape's mask up with the source export, plans the crop, and makes the crop (and,
 * for a small region, the whole-frame scene reference) to send, flattened onto white because Gemini cannot read or
 * draw transparency. `finishRegionEdit` scales the answer back into the crop and composites it over the source
 * export through the mask, feathered inside the shape: every pixel outside the shape is the source's, byte for byte.
 */
import { compositeThroughMask, REGION_FEATHER_PX } from '../../core/composite-through-mask.js';
import { appError } from '../../core/errors.js';
import { flattenOnto } from '../../core/flatten-rgba.js';
import { decodePng, encodePng, type RgbaImage } from '../../core/png.js';
import { planRegionCrop, type RegionCropPlan, type RegionModel } from '../../core/region-crop.js';
import { alignShapeMask, maskBounds, type AlphaMask } from '../../core/region-mask.js';
import { resampleRgba } from '../../core/resample.js';
import { fail, ok, type Result } from '../../core/result.js';

/** zlib level for the images the panel encodes: 1 is the fastest, and the bytes only cross to Figma or the proxy. */
export const PANEL_PNG_LEVEL = 1;

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
export function prepareRegionEdit(
  sourcePng: Uint8Array,
  maskPng: Uint8Array,
  model: RegionModel,
): Result<PreparedRegionEdit> {
  let source: RgbaImage;
  let shape: RgbaImage;
  try {
    source = decodePng(sourcePng);
    shape = decodePng(maskPng);
  } catch {
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
  const crop = encodePng(
    flattenOnto(resampleRgba(source, plan.send.width, plan.send.height, plan.crop)),
    PANEL_PNG_LEVEL,
  );
  const scene = plan.scene
    ? encodePng(flattenOnto(resampleRgba(source, plan.scene.width, plan.scene.height)), PANEL_PNG_LEVEL)
    : null;
  return ok({ source, mask, plan, crop, scene });
}

/** The answer composited into the source through the shape, as the PNG to place (the source export's size). */
export function finishRegionEdit(prepared: PreparedRegionEdit, answer: RgbaImage): Uint8Array {
  return encodePng(compositeRegion(prepared, answer), PANEL_PNG_LEVEL);
}

/** The composite itself, before encoding (for tests and the bench). */
export function compositeRegion(prepared: PreparedRegionEdit, answer: RgbaImage): RgbaImage {
  return compositeThroughMask(prepared.source, answer, prepared.plan.crop, prepared.mask, REGION_FEATHER_PX);
}
