/**
 * `ChildrenMixin` (plugin-api.d.ts) for the nodes whose children are scene nodes: pages, groups, and the frame-likes
 * (frames, components, sets, instances). They descend from different bases (a page is not a scene node, a group has
 * no box of its own), so the members are mixed into each base rather than inherited; the rules for moving and
 * finding nodes, dynamic-page checks included, live in tree.ts. The document's children are pages, and it searches
 * only after `loadAllPagesAsync()`, so document-double.ts has its own.
 */
import type { NodeDouble } from './node-double.js';
import * as tree from './tree.js';

/** The `ChildrenMixin` members the double implements. */
export type ChildrenKeys =
  | 'children'
  | 'appendChild'
  | 'insertChild'
  | 'findChildren'
  | 'findChild'
  | 'findAll'
  | 'findOne'
  | 'findAllWithCriteria';

// TypeScript takes a class as a mixin's base only when it is typed as constructible from `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NodeClass = abstract new (...args: any[]) => NodeDouble;

/** `Base` with the `ChildrenMixin` members for scene-node children. */
export function withSceneChildren<B extends NodeClass>(Base: B) {
  abstract class WithSceneChildren extends Base implements Pick<ChildrenMixin, ChildrenKeys> {
    get children(): ReadonlyArray<SceneNode> {
      this.$use('get_children');
      return tree.childrenOf<SceneNode>(this, 'get_children');
    }

    appendChild(child: SceneNode): void {
      this.$use('appendChild');
      tree.insertChild(this, null, child, 'appendChild');
    }

    insertChild(index: number, child: SceneNode): void {
      this.$use('insertChild');
      tree.insertChild(this, index, child, 'insertChild');
    }

    findChildren(callback?: (node: SceneNode) => boolean): SceneNode[] {
      this.$use('findChildren');
      return tree.findChildren(this, callback, 'findChildren');
    }

    findChild(callback: (node: SceneNode) => boolean): SceneNode | null {
      this.$use('findChild');
      return tree.findChildren(this, callback, 'findChild')[0] ?? null;
    }

    findAll(callback?: (node: SceneNode) => boolean): SceneNode[] {
      this.$use('findAll');
      return tree.findAll(this, callback, 'findAll');
    }

    findOne(callback: (node: SceneNode) => boolean): SceneNode | null {
      this.$use('findOne');
      return tree.findOne(this, callback, 'findOne');
    }

    findAllWithCriteria<T extends NodeType[]>(criteria: FindAllCriteria<T>): Array<{ type: T[number] } & SceneNode> {
      this.$use('findAllWithCriteria');
      return tree.findAllWithCriteria(this, criteria, 'findAllWithCriteria');
    }
  }
  return WithSceneChildren;
}
