/**
 * The instruction's paragraph about a poster's or layout's text (docs/architecture.md#posters-and-live-text), from
 * the roles core/text-context.ts gave its layers. With "Keep text editable" the text is not in the pixels sent (it
 * stays live on top of the result), so the model is told not to draw any.
 */
import type { TextContextItem, TextRole } from './text-context.js';

const ROLE_WORDS: Record<TextRole, string> = {
  headline: 'the headline',
  body: 'body text',
  cta: 'the call to action',
};

/** "a, b and c". */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The instruction's paragraph about the frame's text, or '' when it has none. With `live` (Keep text editable) the
 * text is set on top of the result, so the image must leave calm room for it and hold no text of its own; without,
 * the text is part of the image sent and must stay exactly as written.
 */
export function textContextInstruction(items: readonly TextContextItem[], live: boolean): string {
  if (items.length === 0) return '';
  const listed = listOf(items.map((item) => `${ROLE_WORDS[item.role]} "${item.text}" (${item.place})`));
  if (live) {
    return (
      `This is a layout with live text set on top of the image: ${listed}. Keep the areas behind the text calm and ` +
      `uncluttered so it stays readable, and match the image's mood to the text's tone. Do not draw any text, ` +
      `letters or logos into the image: the text is set separately.`
    );
  }
  return (
    `The image is a layout with this text: ${listed}. Keep the text exactly as written, in the same place and ` +
    `style, and match the image's mood to the text's tone.`
  );
}
