/**
 * `VariableCollection` (plugin-api.d.ts): a group of variables that all hold one value per mode. A new collection
 * has one mode; `addMode` adds one and every variable in it gets the default mode's value there (assumed: Figma's
 * reference does not say what a new mode starts with). The double keeps id, name, modes, defaultModeId,
 * variableIds, remote, hiddenFromPublishing, isExtension, addMode and renameMode.
 */
import { figmaError } from '../errors.js';
import type { StyleBook } from './style-book.js';

/** The members of `VariableCollection` the double implements. */
export type VariableCollectionKeys =
  | 'id'
  | 'name'
  | 'modes'
  | 'defaultModeId'
  | 'variableIds'
  | 'remote'
  | 'hiddenFromPublishing'
  | 'isExtension'
  | 'addMode'
  | 'renameMode';

/** A local variable collection. */
export class VariableCollectionDouble implements Pick<VariableCollection, VariableCollectionKeys> {
  readonly remote = false;
  readonly isExtension = false;
  hiddenFromPublishing = false;
  readonly defaultModeId: string;
  private readonly $modes: { modeId: string; name: string }[];

  constructor(
    private readonly $book: StyleBook,
    readonly id: string,
    public name: string,
    private readonly $session: number,
  ) {
    this.defaultModeId = this.$newModeId();
    this.$modes = [{ modeId: this.defaultModeId, name: 'Mode 1' }];
  }

  get modes(): Array<{ modeId: string; name: string }> {
    return this.$modes.map((mode) => ({ ...mode }));
  }

  get variableIds(): string[] {
    return [...this.$book.variables.values()].filter((v) => v.variableCollectionId === this.id).map((v) => v.id);
  }

  addMode(name: string): string {
    const modeId = this.$newModeId();
    this.$modes.push({ modeId, name });
    for (const id of this.variableIds) this.$book.variables.get(id)?.$copyMode(this.defaultModeId, modeId);
    return modeId;
  }

  renameMode(modeId: string, newName: string): void {
    const mode = this.$modes.find((m) => m.modeId === modeId);
    if (!mode) throw figmaError('renameMode', `No mode with id "${modeId}" in this collection`);
    mode.name = newName;
  }

  /** Whether `modeId` is one of this collection's modes. */
  $hasMode(modeId: string): boolean {
    return this.$modes.some((m) => m.modeId === modeId);
  }

  private $newModeId(): string {
    return `${this.$session}:${this.$book.next()}`;
  }
}
