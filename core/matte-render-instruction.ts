/**
 * The words of the two renders that make a matte when no segmentation model answers
 * (docs/image-tools.md#how-the-matte-is-made): the source redrawn with everything but the subject pure white,
 * then pure black. They follow Google's semantic-masking template ("Using the provided image, change only the
 * [specific element] to [new element/description]. Keep everything else in the image exactly the same, preserving the
 * original style, lighting, and composition."; docs/gemini-platform.md#prompting-guidance). The Gemini double
 * recognises them by their opening words (dev/gemini-double/backdrop-answer.ts; our assumption for the double only,
 * docs/gemini-double.md), so the builder and the reader live here together.
 */

/** The two backdrops, and the colour each asks for. */
export const BACKDROPS = { white: '#FFFFFF', black: '#000000' } as const;

/** One of {@link BACKDROPS}. */
export type Backdrop = keyof typeof BACKDROPS;

/** What to keep: the main subject, or one object by its name or its place ("in the top-left part of the image, …"). */
export type RenderKeep = { kind: 'subject' } | { kind: 'named'; name: string } | { kind: 'place'; place: string };

const OPENING =
  /^Using the provided image, change (?:only the background behind|everything except) .+? to solid pure (white|black) \(#(?:FFFFFF|000000)\)/s;

/** The object's words, one line, at most 200 characters (as the record keeps them). */
function keptObject(keep: RenderKeep): string {
  if (keep.kind === 'subject') return 'the main subject';
  if (keep.kind === 'place') return `the object ${keep.place}`;
  return keep.name.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * "Using the provided image, change only the background behind the main subject to solid pure white (#FFFFFF). …",
 * or for one object "… change everything except the mug to solid pure black (hex 000000). …".
 */
export function backdropInstruction(backdrop: Backdrop, keep: RenderKeep): string {
  const object = keptObject(keep);
  const colour = `solid pure ${backdrop} (${BACKDROPS[backdrop]})`;
  const change =
    keep.kind === 'subject'
      ? `change only the background behind ${object} to ${colour}`
      : `change everything except ${object} to ${colour}`;
  return [
    `Using the provided image, ${change}.`,
    `Keep ${object} exactly the same, preserving its shape, colours, edges, lighting, position and size, and the original composition; do not move, crop or resize anything.`,
    `Everything else must be one flat ${backdrop} (${BACKDROPS[backdrop]}) everywhere, with no shadow, gradient, reflection, texture or vignette.`,
  ].join(' ');
}

/** Which backdrop an instruction asks for, by its opening words, or null for any other prompt. */
export function backdropOfInstruction(prompt: string): Backdrop | null {
  const match = OPENING.exec(prompt.trimStart());
  return match ? (match[1] as Backdrop) : null;
}

/** Whether an instruction keeps one object (Isolate object) rather than the main subject. */
export function keepsOneObject(prompt: string): boolean {
  return prompt.trimStart().startsWith('Using the provided image, change everything except ');
}
