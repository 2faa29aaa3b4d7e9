/**
 * What frames, components, component sets and instances share: a box, paints, clipping and children
 * (`BaseFrameMixin` [T:9430-9489]).
 */
import { figmaError } from '../errors.js';
import type { BaseProps } from './node-double.js';
import { ShapeDouble, shapeProps, type ShapeProps } from './shape-double.js';
import * as tree from './tree.js';

/** State of a frame-like node. */
export interface FrameProps extends ShapeProps {
  clipsContent: boolean;
}

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

/** Figma's new frames are 100×100, white, and clip their content. */
export function frameProps(base: BaseProps): FrameProps {
  return {
    ...shapeProps(base, 100, 100),
    blendMode: 'PASS_THROUGH',
    fills: Object.freeze([
      Object.freeze({
        type: 'SOLID',
        visible: true,
        opacity: 1,
        blendMode: 'NORMAL',
        color: Object.freeze({ r: 1, g: 1, b: 1 }),
      } as const),
    ]),
    clipsContent: true,
  };
}

/** A frame-like node. */
export abstract class FrameLikeDouble<P extends FrameProps = FrameProps> extends ShapeDouble<P> {
  get clipsContent(): boolean {
    this.$use('get_clipsContent');
    return this.$state.clipsContent;
  }
  set clipsContent(value: boolean) {
    this.$use('set_clipsContent');
    if (typeof value !== 'boolean') throw figmaError('set_clipsContent', 'Expected a boolean');
    this.$set('clipsContent', value);
  }

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
