/**
 * Which part of the frame a regional edit sends (docs/architecture.md#regional-edits): the region's bounds plus
 * padding, grown to a ratio the model draws, kept inside the frame; and whether a small whole-frame scene reference
 * goes with it. All sizes are pixels of the source export (the frame at its export scale).
 */
import { chooseImageSize, nearestAspectRatio, parseRatio, type ModelShape, type Rect } from './aspect.js';
import { fitWithin } from './cover-crop.js';
import { appError } from './errors.js';
import { tabledPixels, type ImageSize } from './models.js';
import { fail, ok, type Result } from './result.js';

/** Padding on each side: this share of the region's width (left, right) and height (top, bottom)… */
export const REGION_PADDING_FRACTION = 0.25;
/** …but at least this many pixels, so the model sees what surrounds even a tiny region. */
export const REGION_MIN_PADDING_PX = 32;
/** Below this share of the frame's area, the crop alone lacks context and the whole frame goes along as `scene`. */
export const SCENE_AREA_FRACTION = 0.25;
/** Longest side of the scene reference: context only, so 1K is plenty and keeps the request small. */
export const SCENE_LONG_SIDE = 1024;

export interface RegionCropOptions {
  paddingFraction?: number;
  minPaddingPx?: number;
  sceneAreaFraction?: number;
  sceneLongSide?: number;
}

/** What crop planning reads of a model; `maxInputImages` (when known) decides whether a scene reference fits. */
export type RegionModel = ModelShape & { maxInputImages?: number };

export interface RegionCropPlan {
  /** The region (the mask's bounds) clipped to the frame. The crop always contains it. */
  region: Rect;
  /** The part of the source export to send, inside the frame, in whole pixels. */
  crop: Rect;
  /** The ratio to ask for. */
  aspectRatio: string;
  /** The smallest size that covers the crop (see `chooseImageSize`). */
  imageSize: ImageSize;
  /**
   * True when the crop has `aspectRatio` to within a pixel. False only when no ratio the model draws can hold the
   * region inside the frame (a region wider than 21:9 on a model without 4:1); then the crop is the padded region
   * and the answer is cover-cropped back to it, losing a little of its edges but never stretched.
   */
  ratioExact: boolean;
  /** Size to send the crop at: the crop scaled down (never up) to the long side of the output asked for. */
  send: { width: number; height: number };
  /** Size of the whole-frame scene reference to send second, or null when the crop carries enough context. */
  scene: { width: number; height: number } | null;
}

interface Candidate {
  ratio: string;
  width: number;
  height: number;
  /** Share of the wanted padding kept on the tighter axis, 0…1. */
  kept: number;
  /** |log(ratio) − log(padded ratio)|: the crop's area grows by e^distance, so smaller is tighter. */
  distance: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Plans the crop for a region of a `frameWidth × frameHeight` export.
 *
 * 1. The region is clipped to the frame and padded on each side by `max(minPaddingPx, paddingFraction × side)`,
 *    clipped again (there is nothing to show beyond the frame).
 * 2. For every ratio the model offers, the smallest rectangle of that ratio holding the padded region; if it
 *    does not fit in the frame, the largest of that ratio that does. Ratios whose rectangle cannot hold the region
 *    itself are dropped. The winner keeps the most padding, then grows the least (the nearest ratio on a log
 *    scale): so the nearest ratio wins whenever it fits, and a frame too small in one direction takes the best
 *    ratio that fits.
 * 3. The crop is centred on the padded region, then shifted (never shrunk) to stay inside the frame while still
 *    holding the region.
 *
 * Fails with `bad_request` when the region does not overlap the frame.
 */
export function planRegionCrop(
  frameWidth: number,
  frameHeight: number,
  region: Rect,
  model: RegionModel,
  options: RegionCropOptions = {},
): Result<RegionCropPlan> {
  if (!(Number.isInteger(frameWidth) && Number.isInteger(frameHeight) && frameWidth >= 1 && frameHeight >= 1)) {
    throw new RangeError(`frame size must be whole pixels, got ${frameWidth}×${frameHeight}`);
  }
  const {
    paddingFraction = REGION_PADDING_FRACTION,
    minPaddingPx = REGION_MIN_PADDING_PX,
    sceneAreaFraction = SCENE_AREA_FRACTION,
    sceneLongSide = SCENE_LONG_SIDE,
  } = options;

  // 1. Region and padded region, both inside the frame.
  const r = clipRegion(region, frameWidth, frameHeight);
  if (r === null) {
    return fail(appError('bad_request', 'The shape does not overlap the image. Draw it over the part to change.'));
  }
  const p = padRegion(r, frameWidth, frameHeight, paddingFraction, minPaddingPx);
  const pw = p.x1 - p.x0;
  const ph = p.y1 - p.y0;

  // 2. The best ratio.
  const best = bestRatio(model.aspectRatios, r, p, frameWidth, frameHeight);
  const ratioExact = best !== null;
  const aspectRatio = best?.ratio ?? nearestAspectRatio(pw, ph, model.aspectRatios);
  const width = best?.width ?? pw;
  const height = best?.height ?? ph;

  // 3. Centre on the padded region; shift to stay in the frame and keep the whole region.
  const x = clamp(Math.round((p.x0 + p.x1 - width) / 2), Math.max(0, r.x1 - width), Math.min(r.x0, frameWidth - width));
  const y = clamp(
    Math.round((p.y0 + p.y1 - height) / 2),
    Math.max(0, r.y1 - height),
    Math.min(r.y0, frameHeight - height),
  );
  const crop = { x, y, width, height };

  const imageSize = chooseImageSize(model, aspectRatio, width, height);
  const output = tabledPixels(model, imageSize, aspectRatio);
  const send = fitWithin(width, height, output ? Math.max(output[0], output[1]) : Math.max(width, height));
  const small = width * height < sceneAreaFraction * frameWidth * frameHeight;
  const roomForScene = model.maxInputImages === undefined || model.maxInputImages >= 2;
  const scene = small && roomForScene ? fitWithin(frameWidth, frameHeight, sceneLongSide) : null;
  return ok({
    region: { x: r.x0, y: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0 },
    crop,
    aspectRatio,
    imageSize,
    ratioExact,
    send,
    scene,
  });
}

/** A rectangle by its edges, in whole pixels: left, top, right and bottom. */
interface Edges {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The region in whole pixels (covering any fraction), clipped to the frame; null when nothing of it is left. */
function clipRegion(region: Rect, frameWidth: number, frameHeight: number): Edges | null {
  const x0 = clamp(Math.floor(region.x), 0, frameWidth);
  const y0 = clamp(Math.floor(region.y), 0, frameHeight);
  const x1 = clamp(Math.ceil(region.x + region.width), 0, frameWidth);
  const y1 = clamp(Math.ceil(region.y + region.height), 0, frameHeight);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : null;
}

/** The region padded by `max(minPaddingPx, paddingFraction × side)` on each side, clipped to the frame again. */
function padRegion(
  r: Edges,
  frameWidth: number,
  frameHeight: number,
  paddingFraction: number,
  minPaddingPx: number,
): Edges {
  const padX = Math.ceil(Math.max(minPaddingPx, paddingFraction * (r.x1 - r.x0)));
  const padY = Math.ceil(Math.max(minPaddingPx, paddingFraction * (r.y1 - r.y0)));
  return {
    x0: Math.max(0, r.x0 - padX),
    y0: Math.max(0, r.y0 - padY),
    x1: Math.min(frameWidth, r.x1 + padX),
    y1: Math.min(frameHeight, r.y1 + padY),
  };
}

/**
 * Of the ratios the model draws, the one whose crop keeps the most of the padding `p` round the region `r`, then
 * grows the least; null when none can hold the region inside the frame (see step 2 of {@link planRegionCrop}).
 */
function bestRatio(
  ratios: readonly string[],
  r: Edges,
  p: Edges,
  frameWidth: number,
  frameHeight: number,
): Candidate | null {
  const rw = r.x1 - r.x0;
  const rh = r.y1 - r.y0;
  const pw = p.x1 - p.x0;
  const ph = p.y1 - p.y0;
  const padded = Math.log(pw / ph);
  let best: Candidate | null = null;
  for (const ratio of ratios) {
    const value = parseRatio(ratio);
    if (value === null) continue;
    let width = Math.max(pw, ph * value);
    let height = width / value;
    const shrink = Math.min(1, frameWidth / width, frameHeight / height);
    width = Math.round(width * shrink);
    height = Math.round(height * shrink);
    if (width < rw || height < rh) continue;
    const keptX = pw > rw ? Math.min(1, (width - rw) / (pw - rw)) : 1;
    const keptY = ph > rh ? Math.min(1, (height - rh) / (ph - rh)) : 1;
    const kept = Math.min(keptX, keptY);
    const candidate = { ratio, width, height, kept, distance: Math.abs(Math.log(value) - padded) };
    if (
      !best ||
      candidate.kept > best.kept + 1e-9 ||
      (candidate.kept > best.kept - 1e-9 && candidate.distance < best.distance - 1e-12)
    ) {
      best = candidate;
    }
  }
  return best;
}
