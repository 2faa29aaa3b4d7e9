/** Layer names for results: the source's name and the prompt, e.g. `Poster — warmer light`. */

/** Longest prompt excerpt in a layer name, in characters (Figma's layer list shows about this much). */
export const NAME_PROMPT_CHARS = 40;

/** Name for a text-to-image result, which has no source. */
export const GENERATED_NAME = 'Banana';

/** `Poster — warmer light`, or `Banana — a red bicycle` without a source; the prompt shortened to fit. */
export function resultName(sourceName: string | null, prompt: string, maxPromptChars = NAME_PROMPT_CHARS): string {
  const base = sourceName?.trim() || GENERATED_NAME;
  const excerpt = truncatePrompt(prompt, maxPromptChars);
  return excerpt ? `${base} — ${excerpt}` : base;
}

/**
 * The prompt on one line, cut to at most `max` characters with an ellipsis, at a word break when one is near.
 * Surrogate pairs are never split.
 */
export function truncatePrompt(prompt: string, max = NAME_PROMPT_CHARS): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const keep = Math.max(1, max - 1);
  const cut = chars.slice(0, keep).join('');
  // Cut at a word break: right after the kept part when it ends a word, else at its last space if that is near.
  const endsWord = chars[keep] === ' ';
  const space = cut.lastIndexOf(' ');
  const shortened = endsWord || space < cut.length * 0.6 ? cut : cut.slice(0, space);
  return `${shortened.trimEnd()}…`;
}

/**
 * The name a result of a result starts from: `Poster — warmer light` continued with "navy jacket" is named
 * `Poster — navy jacket`, not `Poster — warmer light — navy jacket`. Only the text before the first ` — ` is kept;
 * a name without one (a result the person renamed) is kept whole.
 */
export function continuedName(resultLayerName: string): string {
  const at = resultLayerName.indexOf(' — ');
  return at > 0 ? resultLayerName.slice(0, at) : resultLayerName;
}
