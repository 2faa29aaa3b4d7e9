/**
 * From the brand read in the file (core/brand-snapshot.ts) to the guidance a turn sends when the Brand toggle is on:
 * one short paragraph naming the colours by name and hex and the typefaces with their weights, and the logo layer
 * that goes with an edit as a product reference. De-duplicated (one name per hex, one line per family), capped so
 * the paragraph stays a small part of the prompt, and the same text the panel shows under the toggle, so the panel
 * shows exactly what is sent (docs/brand.md).
 */
import type { BrandColour, BrandFont, BrandSnapshot } from './brand-snapshot.js';

/** Most colours named in the guidance. */
export const MAX_GUIDANCE_COLOURS = 12;
/** Most typefaces named in the guidance. */
export const MAX_GUIDANCE_FAMILIES = 4;
/** Longest guidance paragraph, in characters (about a hundred tokens). */
export const MAX_GUIDANCE_CHARS = 600;

/** The sentence about the logo, which goes as the product reference image of an edit. */
export const BRAND_LOGO_SENTENCE = 'Where a logo appears, draw the brand logo shown in the product image exactly.';

/** What a turn adds when the Brand toggle is on. */
export interface BrandContext {
  /** The paragraph added to the prompt, or '' when the file has no colours or type to name. */
  guidance: string;
  /** The colours named, in order. */
  colours: { name: string; hex: string }[];
  /** The typefaces named, each with its weights. */
  families: { family: string; styles: string[] }[];
  /** The logo layer sent as a product reference with an edit, or null. */
  logo: { nodeId: string; name: string } | null;
}

/** The guidance for `brand`, or null when there is nothing to send (no colour, no type, no logo). */
export function brandContextOf(brand: BrandSnapshot): BrandContext | null {
  const colours = pickColours(brand.colours);
  const families = pickFamilies(brand.fonts);
  const logo = brand.frame?.onCurrentPage ? brand.frame.logo : null;
  if (colours.length === 0 && families.length === 0 && !logo) return null;
  return { guidance: guidanceText(colours, families, logo !== null), colours, families, logo };
}

/**
 * The colours to name: published ones first (styles, then variables, then the brand frame's swatches), hidden
 * helper tokens after; one entry per hex (the first name wins) and per name; at most {@link MAX_GUIDANCE_COLOURS}.
 * A variable's other modes are kept in its label ("Surface #FFFFFF (Dark #1E1E24)").
 */
function pickColours(all: readonly BrandColour[]): { name: string; hex: string }[] {
  const ordered = [...all.filter((c) => !c.hidden), ...all.filter((c) => c.hidden)];
  const hexes = new Set<string>();
  const names = new Set<string>();
  const picked: { name: string; hex: string }[] = [];
  for (const colour of ordered) {
    const short = cleanName(colour.name);
    // "Light/Background" and "Dark/Background" both read "Background": the second keeps its whole path.
    const label = names.has(short.toLowerCase()) ? fullName(colour.name) : short;
    const key = label.toLowerCase();
    if (label === '' || hexes.has(colour.hex) || names.has(key)) continue;
    hexes.add(colour.hex);
    names.add(key);
    const modes = colour.modes.filter((m) => m.hex !== colour.hex).map((m) => `${cleanName(m.mode)} ${m.hex}`);
    picked.push({ name: label, hex: modes.length ? `${colour.hex} (${modes.join(', ')})` : colour.hex });
    if (picked.length === MAX_GUIDANCE_COLOURS) break;
  }
  return picked;
}

/** The typefaces, in the order their first style appears, each with its distinct weights. */
function pickFamilies(fonts: readonly BrandFont[]): { family: string; styles: string[] }[] {
  const byFamily = new Map<string, { family: string; styles: string[] }>();
  for (const font of fonts) {
    const family = cleanName(font.family);
    if (family === '') continue;
    const entry = byFamily.get(family.toLowerCase()) ?? { family, styles: [] };
    const style = cleanName(font.style);
    if (style && !entry.styles.includes(style)) entry.styles.push(style);
    byFamily.set(family.toLowerCase(), entry);
  }
  return [...byFamily.values()].slice(0, MAX_GUIDANCE_FAMILIES);
}

/** A style or variable name as a person reads it: its last path segment ("brand/primary" → "primary"). */
function cleanName(raw: string): string {
  const segments = raw.split('/').map((s) => s.replace(/\s+/g, ' ').trim());
  return segments.filter((s) => s !== '').at(-1) ?? '';
}

/** The whole path of a name, its segments joined as Figma shows them ("Dark / Background"). */
function fullName(raw: string): string {
  return raw
    .split('/')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '')
    .join(' / ');
}

function guidanceText(
  colours: readonly { name: string; hex: string }[],
  families: readonly { family: string; styles: string[] }[],
  hasLogo: boolean,
): string {
  const parts: string[] = [];
  if (colours.length) parts.push(`Brand colours: ${colours.map((c) => `${c.name} ${c.hex}`).join(', ')}.`);
  if (families.length) {
    const list = families.map((f) => (f.styles.length ? `${f.family} (${f.styles.join(', ')})` : f.family));
    parts.push(`Brand typefaces: ${list.join(', ')}.`);
  }
  if (colours.length || families.length) parts.push('Keep to these colours and typefaces.');
  if (hasLogo) parts.push(BRAND_LOGO_SENTENCE);
  return capped(parts.join(' '));
}

/** Cut at the last list separator before the cap, so a hex is never cut in half. */
function capped(text: string): string {
  if (text.length <= MAX_GUIDANCE_CHARS) return text;
  const cut = text.slice(0, MAX_GUIDANCE_CHARS - 1);
  const at = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('. '));
  return `${cut.slice(0, at > 0 ? at : cut.length).trimEnd()}…`;
}
