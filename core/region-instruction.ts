/**
 * The instruction of a regional edit. Gemini image models take no mask (docs/gemini-platform.md#prompting-guidance), so
 * the region is named in words, after Google's semantic-masking template: "Using the provided image, change only the
 * [specific element] to [new element/description]. Keep everything else in the image exactly the same, preserving the
 * original style, lighting, and composition." Where the model strays outside the region does not matter: the answer is
 * composited back through the shape's mask.
 */
import type { Rect } from './aspect.js';

export interface RegionInstructionInput {
  /** What the person asked for, in their words ("make it a red armchair"). */
  prompt: string;
  /** The crop sent to the model and the region inside it, in the same pixel space (from `planRegionCrop`). */
  crop: Rect;
  region: Rect;
  /** What the region holds, when known ("the sofa"); otherwise the region is named by its place in the image. */
  subject?: string;
  /** Whether a whole-frame scene reference is sent as the second image. */
  hasScene: boolean;
  /**
   * How to name the image being edited when several are sent and their roles are said elsewhere ("the third
   * image"); "the provided image" by default.
   */
  imageName?: string;
}

const KEEP =
  'Keep everything else in the image exactly the same, preserving the original style, lighting, and composition.';
const SCENE = 'The second image shows the whole frame for context only; do not draw it.';

function percent(part: number, whole: number): number {
  return Math.min(100, Math.max(5, Math.round((part / whole) * 20) * 5));
}

/** "in the top-left part of the image, about 30% of its width and 20% of its height", or "that fills the image". */
export function describeRegionPlace(crop: Rect, region: Rect): string {
  const w = percent(region.width, crop.width);
  const h = percent(region.height, crop.height);
  if (w >= 90 && h >= 90) return 'that fills most of the image';
  // The crop is centred on the region unless the frame's edge pushed it aside, so "centre" is the usual answer.
  const cx = (region.x + region.width / 2 - crop.x) / crop.width;
  const cy = (region.y + region.height / 2 - crop.y) / crop.height;
  const column = cx < 0.4 ? 'left' : cx > 0.6 ? 'right' : '';
  const row = cy < 0.4 ? 'top' : cy > 0.6 ? 'bottom' : '';
  const place =
    row && column ? `in the ${row}-${column} part` : row || column ? `in the ${row || column} part` : 'in the centre';
  return `${place} of the image, about ${w}% of its width and ${h}% of its height`;
}

/**
 * "Using the provided image, change only the area in the centre of the image, about 40% of its width and 30% of
 * its height: make it a red armchair. Keep everything else …", plus a sentence on the scene reference when one is
 * sent. Throws on an empty prompt (the panel never sends one).
 */
export function regionInstruction(input: RegionInstructionInput): string {
  const prompt = input.prompt.trim().replace(/[.!\s]+$/, '');
  if (!prompt) throw new RangeError('a regional edit needs a prompt');
  const place = describeRegionPlace(input.crop, input.region);
  const subject = input.subject?.trim();
  const target = subject ? `${subject} (${place})` : `the area ${place}`;
  const image = input.imageName?.trim() || 'the provided image';
  const sentences = [`Using ${image}, change only ${target}: ${prompt}.`, KEEP];
  if (input.hasScene) sentences.push(SCENE);
  return sentences.join(' ');
}
