/**
 * The base of every node in the double: id, name, parent, removal and plugin data (`BaseNodeMixin` and
 * `PluginDataMixin` in plugin-api.d.ts). Internal state lives in `$`-prefixed fields so it can never clash with a Figma
 * property; the rasterizer, undo and serializer read those fields directly, never through the guarded getters.
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError, removedNodeError } from '../errors.js';
import { checkNamespace, writeEntry } from './plugin-data.js';

/** State every node has. All values are immutable: writes replace them, so a shallow copy is a snapshot. */
export interface BaseProps {
  name: string;
  pluginData: Readonly<Record<string, string>>;
  sharedPluginData: Readonly<Record<string, Readonly<Record<string, string>>>>;
  relaunchData: Readonly<Record<string, string>>;
}

/** Default base state for a new node. */
export function baseProps(name: string): BaseProps {
  return { name, pluginData: {}, sharedPluginData: {}, relaunchData: {} };
}

/** Members of `BaseNodeMixin` and `PluginDataMixin` the double implements. */
export type BaseNodeKeys =
  | 'id'
  | 'type'
  | 'name'
  | 'parent'
  | 'removed'
  | 'toString'
  | 'remove'
  | 'getPluginData'
  | 'setPluginData'
  | 'getPluginDataKeys'
  | 'getSharedPluginData'
  | 'setSharedPluginData'
  | 'getSharedPluginDataKeys'
  | 'setRelaunchData'
  | 'getRelaunchData';

/** Any node of the double. */
export abstract class NodeDouble<P extends BaseProps = BaseProps> {
  abstract readonly type: NodeType;
  /** The node's state (see BaseProps: immutable values, replaced on write). */
  $state: P;
  $parent: NodeDouble | null = null;
  /** Children, or null for nodes that cannot have any. */
  $children: NodeDouble[] | null;
  $removed = false;

  constructor(
    readonly $ctx: DoubleContext,
    readonly id: string,
    state: P,
    canHaveChildren: boolean,
  ) {
    this.$state = state;
    this.$children = canHaveChildren ? [] : null;
  }

  /** Guard for every public member: the plugin must be open and the node must exist. */
  protected $use(operation: string): void {
    this.$ctx.assertOpen(operation);
    if (this.$removed) throw removedNodeError(operation, this.id);
  }

  /** Replaces one state field and records a document change. */
  $set<K extends keyof P>(key: K, value: P[K]): void {
    this.$state = { ...this.$state, [key]: value };
    this.$ctx.changed();
  }

  get name(): string {
    this.$use('get_name');
    return this.$state.name;
  }

  set name(value: string) {
    this.$use('set_name');
    if (typeof value !== 'string') throw figmaError('set_name', 'Expected "name" to be a string');
    this.$set('name', value);
  }

  get parent(): (BaseNode & ChildrenMixin) | null {
    this.$use('get_parent');
    return this.$parent ? expose<BaseNode & ChildrenMixin>(this.$parent) : null;
  }

  get removed(): boolean {
    return this.$removed;
  }

  toString(): string {
    return `[${this.type} ${this.id}]`;
  }

  /** Removes the node (subclasses add the tree work; see tree.ts). */
  abstract remove(): void;

  getPluginData(key: string): string {
    this.$use('getPluginData');
    return this.$state.pluginData[key] ?? '';
  }

  setPluginData(key: string, value: string): void {
    this.$use('setPluginData');
    this.$set('pluginData', writeEntry(this.$state.pluginData, this.$ctx.pluginId, key, value, 'setPluginData'));
  }

  getPluginDataKeys(): string[] {
    this.$use('getPluginDataKeys');
    return Object.keys(this.$state.pluginData);
  }

  getSharedPluginData(namespace: string, key: string): string {
    this.$use('getSharedPluginData');
    return this.$state.sharedPluginData[checkNamespace(namespace, 'getSharedPluginData')]?.[key] ?? '';
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    this.$use('setSharedPluginData');
    const ns = checkNamespace(namespace, 'setSharedPluginData');
    const entries = writeEntry(this.$state.sharedPluginData[ns] ?? {}, ns, key, value, 'setSharedPluginData');
    const next = { ...this.$state.sharedPluginData, [ns]: entries };
    if (Object.keys(entries).length === 0) delete next[ns];
    this.$set('sharedPluginData', next);
  }

  getSharedPluginDataKeys(namespace: string): string[] {
    this.$use('getSharedPluginDataKeys');
    return Object.keys(this.$state.sharedPluginData[checkNamespace(namespace, 'getSharedPluginDataKeys')] ?? {});
  }

  /**
   * Replaces all relaunch data; `{}` clears it. Descriptions are limited to 1000 characters
   * (docs/figma-platform.md#relaunch-buttons).
   */
  setRelaunchData(data: { [command: string]: string }): void {
    this.$use('setRelaunchData');
    if (typeof data !== 'object' || data === null) throw figmaError('setRelaunchData', 'Expected an object');
    for (const [command, description] of Object.entries(data)) {
      if (typeof description !== 'string') throw figmaError('setRelaunchData', `Expected a string for "${command}"`);
      if (description.length > 1000) {
        throw figmaError('setRelaunchData', `Relaunch description for "${command}" is longer than 1000 characters`);
      }
    }
    this.$set('relaunchData', { ...data });
  }

  getRelaunchData(): { [command: string]: string } {
    this.$use('getRelaunchData');
    return { ...this.$state.relaunchData };
  }
}

/**
 * Hands a node of the double to plugin code under its Figma type. The double's classes implement a checked subset
 * of each Figma node interface (`Pick<FrameNode, …>`); members outside that subset are absent at run time. This is
 * the one place where the subset is presented as the full type, which is what `Pick<PluginAPI, …>` demands.
 */
export function expose<T>(node: NodeDouble): T {
  return node as unknown as T;
}

/** Takes a node handed back by plugin code and checks it belongs to this double. */
export function unwrap(node: unknown, operation: string, ctx?: DoubleContext): NodeDouble {
  if (!(node instanceof NodeDouble)) throw figmaError(operation, 'Expected a node');
  if (ctx && node.$ctx !== ctx) throw figmaError(operation, 'The node belongs to another document');
  if (node.$removed) throw removedNodeError(operation, node.id);
  return node;
}
