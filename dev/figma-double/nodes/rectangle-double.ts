/** `RectangleNode` (plugin-api.d.ts). */
import type { DoubleContext } from '../document/context.js';
import { baseProps } from './node-double.js';
import type { SceneNodeKeys } from './scene-double.js';
import { ShapeDouble, shapeProps, type GeometryKeys, type ShapeProps } from './shape-double.js';

/** The members of `RectangleNode` the double implements. */
export type RectangleKeys = SceneNodeKeys | GeometryKeys | 'cornerRadius';

/** A rectangle (100×100, #D9D9D9, like Figma's). */
export class RectangleDouble extends ShapeDouble<ShapeProps> implements Pick<RectangleNode, RectangleKeys> {
  readonly type = 'RECTANGLE';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, shapeProps(baseProps('Rectangle'), 100, 100), false);
  }

  clone(): RectangleNode {
    return this.$clone<RectangleNode>();
  }
}
