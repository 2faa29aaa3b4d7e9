/**
 * How the instruction names each input image when several are sent (docs/gemini-platform.md#prompting-guidance,
 * "Several references": "Refer to the images by order ('the first image')"). Images go references first and the image
 * being edited last (core/conversation-context.ts), so every role sentence names its image by its place in that order.
 */
import type { ImageRole } from './image-sizes.js';

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
] as const;

/** "first", "second", … for a 0-based index (Gemini takes at most 14 images); "15th" and so on beyond. */
export function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** What one reference image is for, in Google's recommended wording, for the image at `index`. */
export function roleSentence(role: ImageRole, index: number): string {
  const nth = ordinal(index);
  switch (role) {
    case 'style':
      return `Use the ${nth} image only for its style (colours, texture, lighting); do not copy its content.`;
    case 'subject':
      return `The ${nth} image shows the subject: keep its identity, shape and features exactly the same wherever it appears.`;
    case 'product':
      return `The ${nth} image shows the product: reproduce it faithfully, with its exact shape, colours, materials, label and logo unchanged.`;
    case 'scene':
      return `The ${nth} image shows the whole frame for context only; do not draw it.`;
    case 'base':
      return `Edit the ${nth} image; the others are references.`;
  }
}

/**
 * The sentences that say what each image is for, in send order, or '' when there is at most one image (then
 * "the provided image" is unambiguous and the prompt stays the person's own words).
 */
export function inputImagesInstruction(roles: readonly ImageRole[]): string {
  if (roles.length <= 1) return '';
  return roles.map((role, index) => roleSentence(role, index)).join(' ');
}

/** "the third image" for the image being edited when several are sent, else "the provided image". */
export function baseImageName(roles: readonly ImageRole[]): string {
  const index = roles.lastIndexOf('base');
  return roles.length > 1 && index >= 0 ? `the ${ordinal(index)} image` : 'the provided image';
}
