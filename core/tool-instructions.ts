/**
 * The instructions the one-click image tools send (core/image-tool.ts), in one place, so the panel that sends them and
 * the Gemini double that recognises them (dev/gemini-double/tool-answer.ts) agree. The markers are the instructions'
 * opening words: recognising a tool by them is our assumption for the double only, not Gemini behaviour
 * (docs/gemini-double.md); Gemini reads the whole sentence.
 *
 * The wording follows Google's semantic-masking template ("… Keep everything else in the image exactly the same,
 * preserving the original style, lighting, and composition."; docs/gemini-platform.md#prompting-guidance) and, for
 * Expand, the padded canvas of Imagen's outpainting (docs/gemini-platform.md#expand-and-boost).
 */

/** The opening words of every Expand instruction. */
export const EXPAND_MARKER = 'Extend the scene into the empty white area';

/** The opening words of every Boost resolution instruction. */
export const BOOST_MARKER = 'Re-render this image at a higher resolution';

/** The instruction of one Expand: the picture is padded with flat white where the new area goes. */
export function expandInstruction(): string {
  return (
    `${EXPAND_MARKER} around the picture: fill it with a natural continuation of the picture, matching its ` +
    'perspective, lighting, colours and texture, so the seam cannot be seen. Keep everything already in the picture ' +
    'exactly the same, preserving the original style, lighting, and composition. Leave no white border.'
  );
}

/** The instruction of one Boost resolution. */
export function boostInstruction(): string {
  return (
    `${BOOST_MARKER}, as a sharper, more detailed version of the very same image. Keep every detail, shape, colour, ` +
    'text and the composition exactly the same; add only fine detail and crisp edges. Ensure that the features of ' +
    'every face, logo and text remain completely unchanged.'
  );
}

/** Which tool an instruction is from, by its opening words, or null for any other prompt. */
export function toolOfInstruction(prompt: string): 'expand' | 'boost' | null {
  const text = prompt.trimStart();
  if (text.startsWith(EXPAND_MARKER)) return 'expand';
  if (text.startsWith(BOOST_MARKER)) return 'boost';
  return null;
}
