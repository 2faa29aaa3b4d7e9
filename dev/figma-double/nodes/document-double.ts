/**
 * `DocumentNode` (`figma.root`, plugin-api.d.ts). Its pages can always be listed; searching the whole document needs
 * `figma.loadAllPagesAsync()` first under dynamic-page (docs/figma-platform.md#dynamic-page-loading).
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import { baseProps, NodeDouble, type BaseNodeKeys } from './node-double.js';
import type { ChildrenKeys } from './children-mixin.js';
import * as tree from './tree.js';

/** The members of `DocumentNode` the double implements. */
export type DocumentKeys = BaseNodeKeys | ChildrenKeys | 'documentColorProfile';

/** The document root. */
export class DocumentDouble extends NodeDouble implements Pick<DocumentNode, DocumentKeys> {
  readonly type = 'DOCUMENT';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, baseProps('Document'), true);
  }

  remove(): void {
    tree.removeNode(this, 'remove');
  }

  get documentColorProfile(): 'LEGACY' | 'SRGB' | 'DISPLAY_P3' {
    this.$use('get_documentColorProfile');
    return 'SRGB';
  }

  /** Throws unless `figma.loadAllPagesAsync()` has run. */
  private $requireAllPages(operation: string): void {
    if (!this.$ctx.allPagesLoaded) {
      throw figmaError(
        operation,
        `Cannot call ${operation} on the document without first calling figma.loadAllPagesAsync()`,
      );
    }
  }

  get children(): ReadonlyArray<PageNode> {
    this.$use('get_children');
    return tree.childrenOf<PageNode>(this, 'get_children');
  }

  appendChild(child: PageNode): void {
    this.$use('appendChild');
    tree.insertChild(this, null, child, 'appendChild');
  }

  insertChild(index: number, child: PageNode): void {
    this.$use('insertChild');
    tree.insertChild(this, index, child, 'insertChild');
  }

  findChildren(callback?: (node: PageNode) => boolean): PageNode[] {
    this.$use('findChildren');
    return tree.findChildren(this, callback, 'findChildren');
  }

  findChild(callback: (node: PageNode) => boolean): PageNode | null {
    this.$use('findChild');
    return tree.findChildren(this, callback, 'findChild')[0] ?? null;
  }

  findAll(callback?: (node: PageNode | SceneNode) => boolean): Array<PageNode | SceneNode> {
    this.$use('findAll');
    this.$requireAllPages('findAll');
    return tree.findAll(this, callback, 'findAll');
  }

  findOne(callback: (node: PageNode | SceneNode) => boolean): PageNode | SceneNode | null {
    this.$use('findOne');
    this.$requireAllPages('findOne');
    return tree.findOne(this, callback, 'findOne');
  }

  findAllWithCriteria<T extends NodeType[]>(
    criteria: FindAllCriteria<T>,
  ): Array<{ type: T[number] } & (PageNode | SceneNode)> {
    this.$use('findAllWithCriteria');
    this.$requireAllPages('findAllWithCriteria');
    return tree.findAllWithCriteria(this, criteria, 'findAllWithCriteria');
  }
}
