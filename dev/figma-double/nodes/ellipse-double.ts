/** `EllipseNode` (plugin-api.d.ts); always a full ellipse (no `arcData`). */
import type { DoubleContext } from '../document/context.js';
import { baseProps } from './node-double.js';
import type { SceneNodeKeys } from './scene-double.js';
import { ShapeDouble, shapeProps, type GeometryKeys, type ShapeProps } from './shape-double.js';

/** The members of `EllipseNode` the double implements. */
export type EllipseKeys = SceneNodeKeys | GeometryKeys | 'cornerRadius';

/** An ellipse filling its box. */
export class EllipseDouble extends ShapeDouble<ShapeProps> implements Pick<EllipseNode, EllipseKeys> {
  readonly type = 'ELLIPSE';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, shapeProps(baseProps('Ellipse'), 100, 100), false);
  }

  clone(): EllipseNode {
    return this.$clone<EllipseNode>();
  }
}
