/**
 * `PolygonNode` and `StarNode` (plugin-api.d.ts): a regular polygon or star stretched to fill its box, its first point
 * at the top centre (as Figma draws a new one); the outline is render/outlines.ts `pointedOutline`. `pointCount` is
 * at least 3; a star's `innerRadius` is the inner points' distance from the centre as a share of the outer one
 * (0–1; Figma's default 0.382).
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import { baseProps } from './node-double.js';
import type { SceneNodeKeys } from './scene-double.js';
import { ShapeDouble, shapeProps, type GeometryKeys, type ShapeProps } from './shape-double.js';

/** State of a polygon or star. */
export interface PolygonProps extends ShapeProps {
  pointCount: number;
  /** Inner radius of a star (share of the outer radius); unused by a polygon. */
  innerRadius: number;
}

/** The members of `PolygonNode` the double implements. */
export type PolygonKeys = SceneNodeKeys | GeometryKeys | 'cornerRadius' | 'pointCount';
/** The members of `StarNode` the double implements. */
export type StarKeys = PolygonKeys | 'innerRadius';

abstract class PointedDouble extends ShapeDouble<PolygonProps> {
  get pointCount(): number {
    this.$use('get_pointCount');
    return this.$state.pointCount;
  }
  set pointCount(value: number) {
    this.$use('set_pointCount');
    if (!Number.isInteger(value) || value < 3) throw figmaError('set_pointCount', 'Expected an integer >= 3');
    this.$set('pointCount', value);
  }
}

/** A regular polygon (3 points: a triangle, by default). */
export class PolygonDouble extends PointedDouble implements Pick<PolygonNode, PolygonKeys> {
  readonly type = 'POLYGON';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, { ...shapeProps(baseProps('Polygon'), 100, 100), pointCount: 3, innerRadius: 0.382 }, false);
  }

  clone(): PolygonNode {
    return this.$clone<PolygonNode>();
  }
}

/** A star (5 points by default). */
export class StarDouble extends PointedDouble implements Pick<StarNode, StarKeys> {
  readonly type = 'STAR';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, { ...shapeProps(baseProps('Star'), 100, 100), pointCount: 5, innerRadius: 0.382 }, false);
  }

  clone(): StarNode {
    return this.$clone<StarNode>();
  }

  get innerRadius(): number {
    this.$use('get_innerRadius');
    return this.$state.innerRadius;
  }
  set innerRadius(value: number) {
    this.$use('set_innerRadius');
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw figmaError('set_innerRadius', 'Expected a number from 0 to 1');
    }
    this.$set('innerRadius', value);
  }
}
