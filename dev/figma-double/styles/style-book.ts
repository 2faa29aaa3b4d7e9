/**
 * The file's local styles and variables, as one double holds them: paint and text styles, variable collections and
 * variables, by id, in the order they were made (the order `getLocal…Async` lists them in). Kept in memory only:
 * saving and loading a document (dev/figma-double/document/serialize-document.ts) does not carry them.
 */
import type { PaintStyleDouble } from './paint-style-double.js';
import type { TextStyleDouble } from './text-style-double.js';
import type { VariableCollectionDouble } from './variable-collection-double.js';
import type { VariableDouble } from './variable-double.js';

/** Styles and variables of one double. */
export class StyleBook {
  readonly paintStyles = new Map<string, PaintStyleDouble>();
  readonly textStyles = new Map<string, TextStyleDouble>();
  readonly collections = new Map<string, VariableCollectionDouble>();
  readonly variables = new Map<string, VariableDouble>();
  private counter = 0;

  /** A fresh local number for an id (styles "S:<n>,", variables "VariableID:<session>:<n>"). */
  next(): number {
    return ++this.counter;
  }
}
