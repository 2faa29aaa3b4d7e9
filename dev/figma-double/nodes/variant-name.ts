/**
 * Variant properties come from component names written `Prop=Value, Prop2=Value`
 * (docs/figma-platform.md#components-and-variants).
 */

/** The properties in a variant name, or null when the name is not in `Prop=Value, …` form. */
export function parseVariantName(name: string): Record<string, string> | null {
  const parts = name.split(',').map((p) => p.trim());
  const out: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!key) return null;
    out[key] = value;
  }
  return out;
}

/** A name in variant form: names already in `Prop=Value` form are kept, others become `Property 1=<name>`. */
export function asVariantName(name: string): string {
  return parseVariantName(name) ? name : `Property 1=${name}`;
}
