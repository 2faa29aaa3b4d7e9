/**
 * Fonts known to the double and which of them the plugin has loaded. Like Figma, text that uses a font cannot be
 * changed until `figma.loadFontAsync` has resolved for that font (`PluginAPI.loadFontAsync`;
 * dev/figma-double/README.md#what-it-follows-from-figma).
 */
import { figmaError } from '../errors.js';

/** The fonts `listAvailableFontsAsync` reports; Figma's default text font is Inter Regular. */
export const AVAILABLE_FONTS: readonly FontName[] = Object.freeze(
  [
    ['Inter', 'Regular'],
    ['Inter', 'Medium'],
    ['Inter', 'Semi Bold'],
    ['Inter', 'Bold'],
    ['Inter', 'Italic'],
    ['Roboto', 'Regular'],
    ['Roboto', 'Bold'],
    ['Playfair Display', 'Regular'],
    ['Playfair Display', 'Bold'],
  ].map(([family, style]) => Object.freeze({ family: family!, style: style! })),
);

/** The font a new text node gets. */
export const DEFAULT_FONT: FontName = AVAILABLE_FONTS[0]!;

function keyOf(font: FontName): string {
  return `${font.family}\u0000${font.style}`;
}

/** Which fonts exist and which are loaded. */
export class FontBook {
  private readonly loaded = new Set<string>();

  isAvailable(font: FontName): boolean {
    return AVAILABLE_FONTS.some((f) => keyOf(f) === keyOf(font));
  }

  isLoaded(font: FontName): boolean {
    return this.loaded.has(keyOf(font));
  }

  /** Marks a font loaded, or throws Figma's kind of error for a font it does not have. */
  load(font: FontName): void {
    if (!font || typeof font.family !== 'string' || typeof font.style !== 'string') {
      throw figmaError('loadFontAsync', 'Expected a FontName {family, style}');
    }
    if (!this.isAvailable(font)) {
      throw figmaError('loadFontAsync', `The font "${font.family} ${font.style}" could not be loaded`);
    }
    this.loaded.add(keyOf(font));
  }

  /** Throws unless the node's font is loaded: Figma refuses to change text with an unloaded font. */
  requireLoaded(font: FontName, operation: string): void {
    if (!this.isLoaded(font)) {
      throw figmaError(
        operation,
        `Cannot write to node with unloaded font "${font.family} ${font.style}". Please call ` +
          `figma.loadFontAsync({ family: "${font.family}", style: "${font.style}" }) and await the returned promise first.`,
      );
    }
  }
}
