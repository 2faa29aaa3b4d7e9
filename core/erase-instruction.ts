/**
 * The instruction of Erase: a regional edit whose words ask for the object inside the shape to be removed and the
 * background continued. It follows Google's template for removing an element (docs/gemini-platform.md#prompting-guidance):
 * "Using the provided image of [subject], please [add/remove/modify] [element] to/from the scene. Ensure the change is
 * [description of how the change should integrate]." Gemini takes no mask, so the region is named by its place, as a
 * regional edit names it (core/region-instruction.ts), and the answer is composited back through the shape: every
 * pixel outside it stays the source's.
 */
import type { Rect } from './aspect.js';
import { describeRegionPlace } from './region-instruction.js';

/** What the turn record keeps as an Erase turn's prompt (what the History shows). */
export const ERASE_PROMPT = 'Erase what is inside the shape';

/** Where the region is in the image sent, and how that image is named among several. */
export interface EraseInstructionInput {
  crop: Rect;
  region: Rect;
  /** "the third image" when several are sent; "the provided image" by default. */
  imageName?: string;
}

/**
 * "Using the provided image, please remove the object in the centre of the image, about 30% of its width and 20% of
 * its height, from the scene, and fill its place with the background that continues around it. Ensure the change …".
 */
export function eraseInstruction(input: EraseInstructionInput): string {
  const place = describeRegionPlace(input.crop, input.region);
  const image = input.imageName?.trim() || 'the provided image';
  return [
    `Using ${image}, please remove the object ${place} from the scene, and fill its place with the background that continues around it.`,
    'Ensure the change is seamless: match the surrounding texture, lighting, perspective and grain, and add nothing new.',
    'Keep everything else in the image exactly the same.',
  ].join(' ');
}
