/**
 * How selected variants become a component set (docs/architecture.md#variants-and-component-sets): the set's name, and
 * each component's name in Figma's variant syntax `Prop=Value, Prop2=Value`, from which Figma builds the variant
 * properties (`combineAsVariants`, docs/figma-platform.md#components-and-variants). `Variant=1…N` always; a `Prompt`
 * property too when the variants came from different prompts.
 */

export interface VariantForSet {
  /** The prompt that made it. */
  prompt: string;
  /** Its variant index in its request, 0-based, or null for a single result. */
  variant: number | null;
}

export interface ComponentSetPlan {
  setName: string;
  /** One name per variant, in the order given. */
  componentNames: string[];
  /** The variant properties Figma will derive, with their values in order of first appearance. */
  properties: Record<string, string[]>;
}

/** Longest property value we write; Figma shows them in a dropdown. */
const MAX_VALUE_CHARS = 40;

/** A value safe inside `Prop=Value, …`: no commas or equals signs, no line breaks, trimmed and shortened. */
export function variantValue(text: string): string {
  const clean = text
    .replace(/[,=\n\r\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = clean.length > MAX_VALUE_CHARS ? `${clean.slice(0, MAX_VALUE_CHARS - 1).trimEnd()}…` : clean;
  return short || 'Untitled';
}

export function planComponentSet(sourceName: string | null, variants: readonly VariantForSet[]): ComponentSetPlan {
  if (variants.length < 1) throw new RangeError('a component set needs at least one variant');
  const prompts = [...new Set(variants.map((v) => variantValue(v.prompt)))];
  const samePrompt = prompts.length === 1;
  const label = samePrompt ? prompts[0]! : 'variants';
  const base = variantValue(sourceName ?? '') === 'Untitled' ? 'Banana' : variantValue(sourceName ?? '');
  const setName = `${base} — ${label}`;
  // Numbers are unique within each prompt, so every component gets a distinct property combination.
  const seen = new Map<string, number>();
  const componentNames = variants.map((v) => {
    const prompt = variantValue(v.prompt);
    const n = (seen.get(prompt) ?? 0) + 1;
    seen.set(prompt, n);
    return samePrompt ? `Variant=${n}` : `Prompt=${prompt}, Variant=${n}`;
  });
  const properties: Record<string, string[]> = samePrompt ? {} : { Prompt: prompts };
  properties.Variant = [...new Set(componentNames.map((name) => /Variant=(\d+)/.exec(name)![1]!))];
  return { setName, componentNames, properties };
}
