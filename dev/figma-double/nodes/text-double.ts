/**
 * `TextNode` (plugin-api.d.ts) with one style for the whole text (no ranges). As in Figma, changing anything that lays
 * text out needs its font loaded first (`figma.loadFontAsync`). Layout and pixels are approximate: see
 * render/text-layout.ts.
 */
import type { DoubleContext } from '../document/context.js';
import { DEFAULT_FONT } from '../document/font-book.js';
import { figmaError } from '../errors.js';
import { layoutText } from '../render/text-layout.js';
import { baseProps } from './node-double.js';
import type { SceneNodeKeys } from './scene-double.js';
import { ShapeDouble, shapeProps, type GeometryKeys, type ShapeProps } from './shape-double.js';

/** State of a text node. */
export interface TextProps extends ShapeProps {
  characters: string;
  fontSize: number;
  fontName: FontName;
  lineHeight: LineHeight;
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED';
  textAlignVertical: 'TOP' | 'CENTER' | 'BOTTOM';
  textAutoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE';
  /** Whether the name follows the characters (until the name is set; `TextNode.autoRename`). */
  autoRename: boolean;
}

/** The members of `TextNode` the double implements. */
export type TextKeys =
  | SceneNodeKeys
  | GeometryKeys
  | 'characters'
  | 'fontSize'
  | 'fontName'
  | 'lineHeight'
  | 'textAlignHorizontal'
  | 'textAlignVertical'
  | 'textAutoResize'
  | 'autoRename'
  | 'hasMissingFont';

const BLACK: readonly Paint[] = Object.freeze([
  Object.freeze({
    type: 'SOLID',
    visible: true,
    opacity: 1,
    blendMode: 'NORMAL',
    color: Object.freeze({ r: 0, g: 0, b: 0 }),
  } as const),
]);

/** Default state: empty, Inter Regular 12, black, growing to fit. */
export function textProps(): TextProps {
  const props: TextProps = {
    ...shapeProps(baseProps('Text'), 0, 0),
    fills: BLACK,
    strokeAlign: 'OUTSIDE',
    characters: '',
    fontSize: 12,
    fontName: DEFAULT_FONT,
    lineHeight: Object.freeze({ unit: 'AUTO' }),
    textAlignHorizontal: 'LEFT',
    textAlignVertical: 'TOP',
    textAutoResize: 'WIDTH_AND_HEIGHT',
    autoRename: true,
  };
  return { ...props, ...fitted(props) };
}

/** The size a text node's auto-resize mode gives it. */
function fitted(p: TextProps): { width: number; height: number } {
  const layout = layoutText(p);
  return { width: layout.width, height: layout.height };
}

/** A text layer. */
export class TextDouble extends ShapeDouble<TextProps> implements Pick<TextNode, TextKeys> {
  readonly type = 'TEXT';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, textProps(), false);
  }

  clone(): TextNode {
    return this.$clone<TextNode>();
  }

  /** Rectangles that paint: one block per visible character. */
  $paintedRects(): Rect[] {
    return layoutText(this.$state).glyphs;
  }

  /** Writes text state after checking the current font is loaded, then refits the box. */
  private $writeText(changes: Partial<TextProps>, operation: string): void {
    this.$ctx.fonts.requireLoaded(this.$state.fontName, operation);
    const next = { ...this.$state, ...changes };
    this.$state = { ...next, ...fitted(next) };
    this.$ctx.changed();
  }

  /** Sets text state without the font check: for sample files, whose text exists before the plugin runs. */
  $assign(changes: Partial<TextProps>): void {
    const next = { ...this.$state, ...changes };
    this.$state = { ...next, ...fitted(next) };
    this.$ctx.changed();
  }

  override get name(): string {
    return super.name;
  }
  override set name(value: string) {
    super.name = value;
    this.$state = { ...this.$state, autoRename: false };
  }

  get autoRename(): boolean {
    this.$use('get_autoRename');
    return this.$state.autoRename;
  }
  set autoRename(value: boolean) {
    this.$use('set_autoRename');
    this.$set('autoRename', value === true);
  }

  get hasMissingFont(): boolean {
    this.$use('get_hasMissingFont');
    return !this.$ctx.fonts.isAvailable(this.$state.fontName);
  }

  get characters(): string {
    this.$use('get_characters');
    return this.$state.characters;
  }
  set characters(value: string) {
    this.$use('set_characters');
    if (typeof value !== 'string') throw figmaError('set_characters', 'Expected "characters" to be a string');
    this.$writeText(
      { characters: value, ...(this.$state.autoRename ? { name: value || 'Text' } : {}) },
      'set_characters',
    );
  }

  get fontSize(): number | PluginAPI['mixed'] {
    this.$use('get_fontSize');
    return this.$state.fontSize;
  }
  set fontSize(value: number | PluginAPI['mixed']) {
    this.$use('set_fontSize');
    if (typeof value !== 'number' || !(value >= 1))
      throw figmaError('set_fontSize', 'Expected "fontSize" to be a number >= 1');
    this.$writeText({ fontSize: value }, 'set_fontSize');
  }

  get fontName(): FontName | PluginAPI['mixed'] {
    this.$use('get_fontName');
    return this.$state.fontName;
  }
  /** The new font must be loaded (Figma: "Cannot use unloaded font"). */
  set fontName(value: FontName | PluginAPI['mixed']) {
    this.$use('set_fontName');
    const font = value as Partial<FontName> | null;
    if (!font || typeof font.family !== 'string' || typeof font.style !== 'string') {
      throw figmaError('set_fontName', 'Expected a FontName {family, style}');
    }
    const next = Object.freeze({ family: font.family, style: font.style });
    this.$ctx.fonts.requireLoaded(next, 'set_fontName');
    const p = { ...this.$state, fontName: next };
    this.$state = { ...p, ...fitted(p) };
    this.$ctx.changed();
  }

  get lineHeight(): LineHeight | PluginAPI['mixed'] {
    this.$use('get_lineHeight');
    return this.$state.lineHeight;
  }
  set lineHeight(value: LineHeight | PluginAPI['mixed']) {
    this.$use('set_lineHeight');
    const lh = value as Partial<{ unit: string; value: number }> | null;
    const ok =
      lh && (lh.unit === 'AUTO' || ((lh.unit === 'PIXELS' || lh.unit === 'PERCENT') && typeof lh.value === 'number'));
    if (!ok) throw figmaError('set_lineHeight', 'Expected {unit: "AUTO"} or {value, unit: "PIXELS" | "PERCENT"}');
    this.$writeText({ lineHeight: Object.freeze({ ...(value as LineHeight) }) }, 'set_lineHeight');
  }

  get textAlignHorizontal(): 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' {
    this.$use('get_textAlignHorizontal');
    return this.$state.textAlignHorizontal;
  }
  set textAlignHorizontal(value: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED') {
    this.$use('set_textAlignHorizontal');
    if (!['LEFT', 'CENTER', 'RIGHT', 'JUSTIFIED'].includes(value))
      throw figmaError('set_textAlignHorizontal', 'Invalid value');
    this.$set('textAlignHorizontal', value);
  }

  get textAlignVertical(): 'TOP' | 'CENTER' | 'BOTTOM' {
    this.$use('get_textAlignVertical');
    return this.$state.textAlignVertical;
  }
  set textAlignVertical(value: 'TOP' | 'CENTER' | 'BOTTOM') {
    this.$use('set_textAlignVertical');
    if (!['TOP', 'CENTER', 'BOTTOM'].includes(value)) throw figmaError('set_textAlignVertical', 'Invalid value');
    this.$set('textAlignVertical', value);
  }

  get textAutoResize(): 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' {
    this.$use('get_textAutoResize');
    return this.$state.textAutoResize;
  }
  set textAutoResize(value: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE') {
    this.$use('set_textAutoResize');
    if (!['NONE', 'WIDTH_AND_HEIGHT', 'HEIGHT', 'TRUNCATE'].includes(value))
      throw figmaError('set_textAutoResize', 'Invalid value');
    this.$writeText({ textAutoResize: value }, 'set_textAutoResize');
  }

  /** Resizing text fixes its width; it keeps growing in height only in HEIGHT mode (as after a drag in Figma). */
  override $applySize(width: number, height: number, operation: string): void {
    const mode = this.$state.textAutoResize === 'WIDTH_AND_HEIGHT' ? 'NONE' : this.$state.textAutoResize;
    this.$writeText({ width, height, textAutoResize: mode }, operation);
  }
}
