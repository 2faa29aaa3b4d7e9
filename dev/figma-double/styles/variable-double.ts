/**
 * `Variable` (plugin-api.d.ts): a design token with one value per mode of its collection. `valuesByMode` "will not
 * resolve any aliases" (its doc comment): an alias stays `{ type: 'VARIABLE_ALIAS', id }`, and a reader follows it
 * with `figma.variables.getVariableByIdAsync`. A new variable holds the same starting value in every mode (assumed:
 * white for a colour, 0, '' or false otherwise). The double keeps id, name, description, resolvedType,
 * variableCollectionId, valuesByMode, remote, hiddenFromPublishing, setValueForMode and remove.
 */
import { figmaError } from '../errors.js';
import type { StyleBook } from './style-book.js';
import type { VariableCollectionDouble } from './variable-collection-double.js';

/** The members of `Variable` the double implements. */
export type VariableKeys =
  | 'id'
  | 'name'
  | 'description'
  | 'resolvedType'
  | 'variableCollectionId'
  | 'valuesByMode'
  | 'remote'
  | 'hiddenFromPublishing'
  | 'setValueForMode'
  | 'remove';

const STARTING_VALUE: Partial<Record<VariableResolvedDataType, VariableValue>> = {
  COLOR: { r: 1, g: 1, b: 1, a: 1 },
  FLOAT: 0,
  STRING: '',
  BOOLEAN: false,
};

/** A local variable. */
export class VariableDouble implements Pick<Variable, VariableKeys> {
  readonly remote = false;
  description = '';
  hiddenFromPublishing = false;
  readonly variableCollectionId: string;
  private readonly $values = new Map<string, VariableValue>();

  constructor(
    private readonly $book: StyleBook,
    readonly id: string,
    public name: string,
    private readonly $collection: VariableCollectionDouble,
    readonly resolvedType: VariableResolvedDataType,
  ) {
    this.variableCollectionId = $collection.id;
    const start = STARTING_VALUE[resolvedType];
    if (start === undefined) throw figmaError('createVariable', `Variables of type ${resolvedType} are not modelled`);
    for (const mode of $collection.modes) this.$values.set(mode.modeId, start);
  }

  get valuesByMode(): { [modeId: string]: VariableValue } {
    return Object.fromEntries([...this.$values].map(([mode, value]) => [mode, copy(value)]));
  }

  setValueForMode(modeId: string, newValue: VariableValue): void {
    if (!this.$collection.$hasMode(modeId)) {
      throw figmaError('setValueForMode', `No mode with id "${modeId}" in the variable's collection`);
    }
    if (isAlias(newValue) && !this.$book.variables.has(newValue.id)) {
      throw figmaError('setValueForMode', `No variable with id "${newValue.id}" to alias`);
    }
    this.$values.set(modeId, copy(newValue));
  }

  remove(): void {
    this.$book.variables.delete(this.id);
  }

  /** A new mode of the collection starts with the value of `from`. */
  $copyMode(from: string, to: string): void {
    const value = this.$values.get(from);
    if (value !== undefined) this.$values.set(to, copy(value));
  }
}

function isAlias(value: VariableValue): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}

function copy(value: VariableValue): VariableValue {
  return typeof value === 'object' && value !== null ? { ...value } : value;
}
