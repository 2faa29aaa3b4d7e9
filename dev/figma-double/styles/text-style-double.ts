/**
 * `TextStyle` (plugin-api.d.ts): a named font and size. The double keeps id, type, name, description, fontName,
 * fontSize, remote and remove. Setting `fontName` needs the font loaded, as on a text layer
 * (`PluginAPI.loadFontAsync`); a new style starts as Inter Regular 12, the double's default font and size.
 */
import type { FontBook } from '../document/font-book.js';
import { DEFAULT_FONT } from '../document/font-book.js';
import { figmaError } from '../errors.js';
import type { StyleBook } from './style-book.js';

/** The members of `TextStyle` the double implements. */
export type TextStyleKeys = 'id' | 'type' | 'name' | 'description' | 'fontName' | 'fontSize' | 'remote' | 'remove';

/** A local text style. */
export class TextStyleDouble implements Pick<TextStyle, TextStyleKeys> {
  readonly type = 'TEXT';
  readonly remote = false;
  name = 'Text style';
  description = '';
  private $fontName: FontName = DEFAULT_FONT;
  private $fontSize = 12;

  constructor(
    private readonly $book: StyleBook,
    private readonly $fonts: FontBook,
    readonly id: string,
  ) {}

  get fontName(): FontName {
    return { ...this.$fontName };
  }
  set fontName(font: FontName) {
    this.$fonts.requireLoaded(font, 'set_fontName');
    this.$fontName = { family: font.family, style: font.style };
  }

  get fontSize(): number {
    return this.$fontSize;
  }
  set fontSize(size: number) {
    if (!(size >= 1)) throw figmaError('set_fontSize', 'Expected "fontSize" to be at least 1');
    this.$fontSize = size;
  }

  remove(): void {
    this.$book.textStyles.delete(this.id);
  }
}
