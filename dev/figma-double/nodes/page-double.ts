/**
 * `PageNode` (plugin-api.d.ts). Under dynamic-page only the current page starts loaded; the others need `loadAsync()`
 * before their children can be read or changed (docs/figma-platform.md#dynamic-page-loading).
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import { checkPaints } from '../paints.js';
import { withSceneChildren, type ChildrenKeys } from './children-mixin.js';
import { ExportableDouble } from './exportable-double.js';
import { isScene } from './geometry.js';
import { baseProps, expose, unwrap, type BaseNodeKeys, type BaseProps, type NodeDouble } from './node-double.js';
import * as tree from './tree.js';

/** State of a page. */
export interface PageProps extends BaseProps {
  backgrounds: readonly Paint[];
}

/** The members of `PageNode` the double implements. */
export type PageKeys =
  BaseNodeKeys | ChildrenKeys | 'selection' | 'loadAsync' | 'backgrounds' | 'exportAsync' | 'on' | 'once' | 'off';

/** Figma's default canvas colour (#F5F5F5). */
const PAGE_BACKGROUND: readonly Paint[] = Object.freeze([
  Object.freeze({
    type: 'SOLID',
    visible: true,
    opacity: 1,
    blendMode: 'NORMAL',
    color: Object.freeze({ r: 0.9607843160629272, g: 0.9607843160629272, b: 0.9607843160629272 }),
  } as const),
]);

/** A page. */
export class PageDouble extends withSceneChildren(ExportableDouble)<PageProps> implements Pick<PageNode, PageKeys> {
  readonly type = 'PAGE';
  /** The selection on this page (per user, so not document state: not saved, not undone). */
  $selection: NodeDouble[] = [];

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, { ...baseProps('Page'), backgrounds: PAGE_BACKGROUND }, true);
  }

  remove(): void {
    tree.removeNode(this, 'remove');
  }

  /** Loads the page's contents (dynamic-page). */
  loadAsync(): Promise<void> {
    try {
      this.$use('loadAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.$ctx.loadedPages.add(this.id);
    return Promise.resolve();
  }

  /** `nodechange` listeners (document/node-change-hub.ts); it is the only page event Figma has (`PageNode.on`). */
  on(type: 'nodechange', callback: (event: NodeChangeEvent) => void): void {
    this.$listen('on', type, callback, false);
  }

  once(type: 'nodechange', callback: (event: NodeChangeEvent) => void): void {
    this.$listen('once', type, callback, true);
  }

  off(type: 'nodechange', callback: (event: NodeChangeEvent) => void): void {
    this.$use('off');
    if (type === 'nodechange') this.$ctx.nodeChanges.remove(this, callback);
  }

  private $listen(operation: string, type: string, callback: unknown, once: boolean): void {
    this.$use(operation);
    if (type !== 'nodechange') throw figmaError(operation, `Unsupported event type "${String(type)}"`);
    if (typeof callback !== 'function') throw figmaError(operation, 'Expected a callback function');
    this.$ctx.nodeChanges.add(this, callback as (event: NodeChangeEvent) => void, once);
  }

  get selection(): ReadonlyArray<SceneNode> {
    this.$use('get_selection');
    return Object.freeze(this.$selection.map((n) => expose<SceneNode>(n)));
  }

  /**
   * Sets the selection; on the current page this fires `selectionchange` asynchronously
   * (docs/figma-platform.md#events).
   */
  set selection(value: ReadonlyArray<SceneNode>) {
    this.$use('set_selection');
    if (!Array.isArray(value)) throw figmaError('set_selection', 'Expected an array of nodes');
    const next: NodeDouble[] = [];
    for (const item of value) {
      const node = unwrap(item, 'set_selection', this.$ctx);
      if (!isScene(node) || tree.pageOf(node) !== this) {
        throw figmaError('set_selection', `Node ${node.id} is not on page ${this.id}`);
      }
      if (!next.includes(node)) next.push(node);
    }
    const same = next.length === this.$selection.length && next.every((n, i) => n === this.$selection[i]);
    this.$selection = next;
    if (!same && this === this.$ctx.currentPage) this.$ctx.events.emitLater('selectionchange');
  }

  get backgrounds(): ReadonlyArray<Paint> {
    this.$use('get_backgrounds');
    return this.$state.backgrounds;
  }
  set backgrounds(value: ReadonlyArray<Paint>) {
    this.$use('set_backgrounds');
    this.$set(
      'backgrounds',
      checkPaints(value, 'set_backgrounds', (h) => this.$ctx.images.get(h) !== undefined),
    );
  }
}
