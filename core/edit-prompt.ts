/**
 * The whole prompt of an edit: what each image is for (when there are several), the instruction (the person's
 * words, with earlier turns summarised, or the regional-edit sentence), and the frame's text as context. One
 * paragraph each, in that order, so the model reads the images' roles before the request that refers to them.
 */
import type { ImageRole } from './image-sizes.js';
import { inputImagesInstruction } from './input-instruction.js';

export interface EditPromptParts {
  /** The roles of the images in send order. */
  images: readonly ImageRole[];
  /** The instruction itself. */
  instruction: string;
  /** The paragraph about the frame's text (core/text-context-instruction.ts), or ''. */
  text: string;
  /** The file's brand guidance (core/brand-context.ts), or '' / absent when the Brand toggle is off. */
  brand?: string;
}

/** The prompt to send: the non-empty parts, separated by blank lines. */
export function composeEditPrompt(parts: EditPromptParts): string {
  return [inputImagesInstruction(parts.images), parts.instruction.trim(), parts.text.trim(), (parts.brand ?? '').trim()]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** How many characters the parts around the instruction add (to keep the whole within the proxy's limit). */
export function editPromptOverhead(images: readonly ImageRole[], text: string, brand = ''): number {
  return composeEditPrompt({ images, instruction: 'x', text, brand }).length - 1;
}
