/**
 * Expand, planned in points before anything is exported (docs/image-tools.md#expand): the new canvas, where the
 * original sits in it, the export scale (the layer's own, lowered only so the canvas stays within Figma's 4096 px),
 * and the one Gemini call: the canvas grown to the model's nearest ratio (the extra is new area too, cropped off
 * again), at the smallest size that covers it. One call per Expand: a canvas no size of the model can cover within
 * {@link EXPAND_MAX_UPSCALE} would need several calls, and is refused with what to do instead.
 */
import { chooseImageSize, nearestAspectRatio, parseRatio, type ModelShape, type Rect } from './aspect.js';
import { appError } from './errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';
import type { ImageSize } from './image-sizes.js';
import { sizesOf, tabledPixels } from './models.js';
import { fail, ok, type Result } from './result.js';

/** What the designer asked for. */
export type ExpandTarget =
  /** The canvas of this ratio that contains the image, the image centred. */
  | { kind: 'ratio'; ratio: string }
  /** The canvas `percent` % larger on each axis, the image centred. */
  | { kind: 'grow'; percent: number }
  /** A canvas typed in points, the image centred. */
  | { kind: 'size'; width: number; height: number }
  /** A frame the designer drew around the image: its box and the image's, both on the page, in points. */
  | { kind: 'frame'; frame: Rect; image: Rect };

/** The presets the panel offers, in its order. */
export const EXPAND_PRESETS: readonly { label: string; target: ExpandTarget }[] = [
  { label: '16:9', target: { kind: 'ratio', ratio: '16:9' } },
  { label: '1:1', target: { kind: 'ratio', ratio: '1:1' } },
  { label: '4:5', target: { kind: 'ratio', ratio: '4:5' } },
  { label: '9:16', target: { kind: 'ratio', ratio: '9:16' } },
  { label: '+25% all round', target: { kind: 'grow', percent: 25 } },
];

/**
 * How far the answer may be scaled up to cover the canvas and still be one call: the new area is then drawn at no
 * less than half the original's pixel density. Beyond it, the canvas needs tiles, which we do not do.
 */
export const EXPAND_MAX_UPSCALE = 2;

/** One Expand, planned. */
export interface ExpandPlan {
  /** The new canvas, in points: the result layer's size. */
  canvas: { width: number; height: number };
  /** The original inside the canvas, in points from its top-left corner. */
  original: Rect;
  /** The scale the source is exported at. */
  scale: number;
  /** The call: the ratio of the canvas grown to one the model draws, and its size. */
  aspectRatio: string;
  imageSize: ImageSize;
  /** Always 1: more is refused. */
  calls: 1;
}

/** The canvas and the original's place in it, in points, or why the target is no expansion. */
export function expandCanvas(
  source: { width: number; height: number },
  target: ExpandTarget,
): Result<{ canvas: { width: number; height: number }; original: Rect }> {
  const { width: w, height: h } = source;
  let canvas: { width: number; height: number };
  if (target.kind === 'frame') {
    const { frame, image } = target;
    const inside =
      image.x >= frame.x - 0.01 &&
      image.y >= frame.y - 0.01 &&
      image.x + image.width <= frame.x + frame.width + 0.01 &&
      image.y + image.height <= frame.y + frame.height + 0.01;
    if (!inside) return fail(appError('bad_request', 'Draw the frame around the whole image, then select both.'));
    canvas = { width: frame.width, height: frame.height };
    const original = { x: image.x - frame.x, y: image.y - frame.y, width: w, height: h };
    return larger(canvas, source) ? ok({ canvas, original }) : notLarger();
  }
  if (target.kind === 'ratio') {
    const ratio = parseRatio(target.ratio);
    if (ratio === null) return fail(appError('bad_request', `“${target.ratio}” is not a ratio like 16:9.`));
    canvas = w / h < ratio ? { width: h * ratio, height: h } : { width: w, height: w / ratio };
    if (!larger(canvas, source)) return fail(appError('bad_request', `The image is already ${target.ratio}.`));
  } else if (target.kind === 'grow') {
    canvas = { width: w * (1 + target.percent / 100), height: h * (1 + target.percent / 100) };
  } else {
    canvas = { width: target.width, height: target.height };
  }
  canvas = { width: round2(canvas.width), height: round2(canvas.height) };
  if (!larger(canvas, source)) return notLarger();
  const original = { x: round2((canvas.width - w) / 2), y: round2((canvas.height - h) / 2), width: w, height: h };
  return ok({ canvas, original });
}

/** Plans one Expand of a `source` layer (points, its export scale) on `model`. */
export function planExpand(
  source: { width: number; height: number; exportScale: number },
  target: ExpandTarget,
  model: ModelShape,
): Result<ExpandPlan> {
  const placed = expandCanvas(source, target);
  if (!placed.ok) return placed;
  const { canvas, original } = placed.value;
  const scale = Math.min(source.exportScale, MAX_FIGMA_IMAGE_SIDE / Math.max(canvas.width, canvas.height));
  const aspectRatio = nearestAspectRatio(canvas.width, canvas.height, model.aspectRatios);
  const sent = sentCanvas(canvas.width * scale, canvas.height * scale, aspectRatio);
  const imageSize = chooseImageSize(model, aspectRatio, sent.width, sent.height);
  const pixels = tabledPixels(model, imageSize, aspectRatio) ?? tabledPixels(model, sizesOf(model)[0]!, aspectRatio);
  if (!pixels || pixels[0] * EXPAND_MAX_UPSCALE < sent.width || pixels[1] * EXPAND_MAX_UPSCALE < sent.height) {
    const size = `${Math.round(canvas.width)}×${Math.round(canvas.height)} pt`;
    return fail(
      appError(
        'bad_request',
        `Expanding to ${size} would take more than one Gemini call on this model (its largest image is ` +
          `${pixels ? `${pixels[0]}×${pixels[1]}` : 'too small'} px), and Expand makes one. Expand in two steps ` +
          '(a smaller size first, then expand the result), or pick a model with larger images.',
      ),
    );
  }
  return ok({ canvas, original, scale, aspectRatio, imageSize, calls: 1 });
}

/**
 * The canvas (`width × height`, any unit) grown on one axis to `ratio`: what is sent, the canvas centred in it. The
 * growth is new area too; the answer's part outside the canvas is cropped off.
 */
export function sentCanvas(width: number, height: number, ratio: string): { width: number; height: number } {
  const r = parseRatio(ratio) ?? width / height;
  return width / height < r
    ? { width: Math.round(height * r), height: Math.round(height) }
    : { width: Math.round(width), height: Math.round(width / r) };
}

function larger(canvas: { width: number; height: number }, source: { width: number; height: number }): boolean {
  const eps = 0.01;
  return (
    canvas.width >= source.width - eps &&
    canvas.height >= source.height - eps &&
    (canvas.width > source.width + 0.5 || canvas.height > source.height + 0.5)
  );
}

function notLarger(): Result<never> {
  return fail(
    appError(
      'bad_request',
      'The new size must be at least the image’s on both sides and larger on one. Type a larger size.',
    ),
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
