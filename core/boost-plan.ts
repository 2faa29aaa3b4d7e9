/**
 * Boost resolution, planned (docs/image-tools.md#boost-resolution): the layer keeps its size in points and gets more
 * pixels. The sizes offered are the model's that give more pixels than the layer has now; each one's "after" is the
 * model's answer at the layer's nearest ratio, cropped to the layer's exact ratio and kept within 4096 px a side (what
 * `figma.createImage` takes), as the fit of any answer is (core/result-fit.ts). With no such size the layer is
 * already at the model's maximum, and Boost says so.
 */
import { nearestAspectRatio, type ModelShape } from './aspect.js';
import { appError } from './errors.js';
import type { ImageSize } from './image-sizes.js';
import { sizesOf, tabledPixels } from './models.js';
import { fail, ok, type Result } from './result.js';
import { fitResultPlan } from './result-fit.js';

/** A pixel size. */
export interface Pixels {
  width: number;
  height: number;
}

/** One size Boost can ask for, and the pixels it gives. */
export interface BoostOption {
  imageSize: ImageSize;
  after: Pixels;
}

/** A Boost ready to press. */
export interface BoostPlan {
  aspectRatio: string;
  before: Pixels;
  /** Every size that adds pixels, smallest first. */
  options: BoostOption[];
  /** The one pressed: the chosen size, or the largest. */
  chosen: BoostOption;
}

/** Sizes Boost never asks for: they are below 1K (none adds pixels to a layer worth boosting). */
const BOOST_SIZES: readonly ImageSize[] = ['2K', '4K'];

/** The answer's pixels at `imageSize` fitted to a `points` layer (cover-cropped, ≤4096 px a side, never upscaled). */
export function boostedPixels(model: ModelShape, imageSize: ImageSize, ratio: string, points: Pixels): Pixels | null {
  const tabled = tabledPixels(model, imageSize, ratio);
  if (!tabled) return null;
  // An export scale high enough that only the crop and the 4096 px limit bound the result.
  const fit = fitResultPlan(tabled[0], tabled[1], points.width, points.height, 64);
  return { width: fit.width, height: fit.height };
}

/** Plans a Boost of a layer of `points` whose image has `before` pixels, on `model`, at `choice` (null: the largest). */
export function planBoost(
  layer: { name: string; points: Pixels; before: Pixels },
  model: ModelShape,
  choice: ImageSize | null,
): Result<BoostPlan> {
  const { points, before } = layer;
  const aspectRatio = nearestAspectRatio(points.width, points.height, model.aspectRatios);
  const options: BoostOption[] = [];
  for (const imageSize of sizesOf(model).filter((size) => BOOST_SIZES.includes(size))) {
    const after = boostedPixels(model, imageSize, aspectRatio, points);
    if (after && after.width > before.width && after.height > before.height) options.push({ imageSize, after });
  }
  const chosen = options.find((option) => option.imageSize === choice) ?? options.at(-1);
  if (!chosen) {
    const largest = sizesOf(model).at(-1);
    return fail(
      appError(
        'bad_request',
        `${layer.name} is already ${before.width}×${before.height} px: the most this model draws for it` +
          `${largest ? ` (${largest})` : ''} within Figma’s 4096 px. There is nothing to boost.`,
      ),
    );
  }
  return ok({ aspectRatio, before, options, chosen });
}
