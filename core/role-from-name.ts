/**
 * The role a reference layer's name says it has ("Logo", "Product shot", "Model portrait", "Style board"), or
 * null when the name does not say: the panel then asks (ui/components/reference-list.tsx) rather than guess.
 * Whole words only, in any case; the first rule that matches wins. Tested as a table
 * (test/core/role-from-name.test.ts).
 */
import type { ImageRole } from './image-sizes.js';

/** A reference role (core/selection-roles.ts `ReferenceRole`; named here so the two files do not import each other). */
type ReferenceRole = Extract<ImageRole, 'style' | 'subject' | 'product'>;

/** Words in a layer's name and the role they say, in the order they are tried. */
const NAME_RULES: readonly [RegExp, ReferenceRole][] = [
  // Reproduced faithfully: a product, its packaging, a brand mark.
  [/\b(products?|packshots?|packag(e|es|ing)|bottles?|logos?|logotypes?|brand(ing)?|wordmarks?)\b/i, 'product'],
  // Kept exactly: a person, a character, a pet.
  [
    /\b(models?|persons?|people|portraits?|faces?|characters?|subjects?|mascots?|woman|man|girl|boy|pets?)\b/i,
    'subject',
  ],
  // Only the look: style, mood, palette, texture.
  [/\b(styles?|moods?|moodboards?|palettes?|textures?|looks?|inspiration|aesthetics?|vibes?)\b/i, 'style'],
];

/** The role `name` says, or null. */
export function roleFromName(name: string): ReferenceRole | null {
  const words = name.replace(/[_-]+/g, ' ');
  for (const [pattern, role] of NAME_RULES) if (pattern.test(words)) return role;
  return null;
}
