/**
 * `PaintStyle` (plugin-api.d.ts): a named list of paints. The double keeps the members Banana Studio reads and a
 * test needs to make one: id, type, name, description, paints, remote (always false: `figma.createPaintStyle` makes
 * a local style) and remove.
 */
import type { StyleBook } from './style-book.js';

/** The members of `PaintStyle` the double implements. */
export type PaintStyleKeys = 'id' | 'type' | 'name' | 'description' | 'paints' | 'remote' | 'remove';

/** A local paint style. */
export class PaintStyleDouble implements Pick<PaintStyle, PaintStyleKeys> {
  readonly type = 'PAINT';
  readonly remote = false;
  name = 'Paint style';
  description = '';
  private $paints: ReadonlyArray<Paint> = Object.freeze([]);

  constructor(
    private readonly $book: StyleBook,
    readonly id: string,
  ) {}

  get paints(): ReadonlyArray<Paint> {
    return this.$paints;
  }
  set paints(paints: ReadonlyArray<Paint>) {
    // Figma hands back frozen copies of what was set, as it does for a node's fills.
    this.$paints = Object.freeze(paints.map((paint) => Object.freeze({ ...paint })));
  }

  remove(): void {
    this.$book.paintStyles.delete(this.id);
  }
}
