/**
 * `figma.variables` (`VariablesAPI`, plugin-api.d.ts) as the double models it: the async lookups that
 * `documentAccess: "dynamic-page"` allows (their sync forms throw there, docs/figma-platform.md#brand-styles-and-variables),
 * and creating collections and variables for tests and the playground.
 */
import type { DoubleContext } from '../document/context.js';
import { dynamicPageError, figmaError } from '../errors.js';
import { VariableCollectionDouble } from './variable-collection-double.js';
import { VariableDouble } from './variable-double.js';

/** The members of `VariablesAPI` the double implements. */
export type VariablesApiKeys =
  | 'getVariableByIdAsync'
  | 'getVariableById'
  | 'getVariableCollectionByIdAsync'
  | 'getLocalVariablesAsync'
  | 'getLocalVariables'
  | 'getLocalVariableCollectionsAsync'
  | 'createVariableCollection'
  | 'createVariable';

/** `figma.variables`. */
export class VariablesApiDouble implements Pick<VariablesAPI, VariablesApiKeys> {
  constructor(private readonly $ctx: DoubleContext) {}

  async getVariableByIdAsync(id: string): Promise<Variable | null> {
    return (this.$open('getVariableByIdAsync').styles.variables.get(id) as Variable | undefined) ?? null;
  }

  getVariableById(_id: string): Variable | null {
    this.$open('getVariableById');
    throw dynamicPageError('getVariableById', 'call getVariableById', 'figma.variables.getVariableByIdAsync');
  }

  async getVariableCollectionByIdAsync(id: string): Promise<VariableCollection | null> {
    const found = this.$open('getVariableCollectionByIdAsync').styles.collections.get(id);
    return (found as VariableCollection | undefined) ?? null;
  }

  async getLocalVariablesAsync(type?: VariableResolvedDataType): Promise<Variable[]> {
    const all = [...this.$open('getLocalVariablesAsync').styles.variables.values()];
    return all.filter((v) => type === undefined || v.resolvedType === type) as unknown as Variable[];
  }

  getLocalVariables(_type?: VariableResolvedDataType): Variable[] {
    this.$open('getLocalVariables');
    throw dynamicPageError('getLocalVariables', 'call getLocalVariables', 'figma.variables.getLocalVariablesAsync');
  }

  async getLocalVariableCollectionsAsync(): Promise<VariableCollection[]> {
    const all = [...this.$open('getLocalVariableCollectionsAsync').styles.collections.values()];
    return all as unknown as VariableCollection[];
  }

  createVariableCollection(name: string): VariableCollection {
    const ctx = this.$open('createVariableCollection');
    const book = ctx.styles;
    const collection = new VariableCollectionDouble(
      book,
      `VariableCollectionId:${ctx.session}:${book.next()}`,
      name,
      ctx.session,
    );
    book.collections.set(collection.id, collection);
    return collection as unknown as VariableCollection;
  }

  createVariable(
    name: string,
    collection: VariableCollection | string,
    resolvedType: VariableResolvedDataType,
  ): Variable {
    const ctx = this.$open('createVariable');
    const book = ctx.styles;
    if (typeof collection === 'string') {
      throw dynamicPageError('createVariable', 'pass a collection id to createVariable', 'a VariableCollection object');
    }
    const owner = book.collections.get(collection.id);
    if (!owner) throw figmaError('createVariable', 'Expected a local variable collection');
    const variable = new VariableDouble(book, `VariableID:${ctx.session}:${book.next()}`, name, owner, resolvedType);
    book.variables.set(variable.id, variable);
    return variable as unknown as Variable;
  }

  private $open(operation: string): DoubleContext {
    this.$ctx.assertOpen(operation);
    return this.$ctx;
  }
}
