/**
 * `VectorNode` (plugin-api.d.ts) with `vectorPaths` only (no vector network). Paths are SVG-like strings (M, L, H, V,
 * C, Q, Z, absolute or relative); the node's box is the paths' bounds, and resizing the node stretches the paths.
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import { parsePath, pathBounds } from '../render/svg-path.js';
import { apply } from '../transform.js';
import { baseProps } from './node-double.js';
import { MIN_SIZE, type SceneNodeKeys } from './scene-double.js';
import { ShapeDouble, shapeProps, type GeometryKeys, type ShapeProps } from './shape-double.js';

/** State of a vector: its paths and the box they span in path coordinates. */
export interface VectorProps extends ShapeProps {
  vectorPaths: VectorPaths;
  pathBox: Rect;
}

/** The members of `VectorNode` the double implements. */
export type VectorKeys = SceneNodeKeys | GeometryKeys | 'cornerRadius' | 'vectorPaths';

/** A vector shape. */
export class VectorDouble extends ShapeDouble<VectorProps> implements Pick<VectorNode, VectorKeys> {
  readonly type = 'VECTOR';

  constructor(ctx: DoubleContext, id: string) {
    super(
      ctx,
      id,
      {
        ...shapeProps(baseProps('Vector'), 100, 100),
        vectorPaths: Object.freeze([]),
        pathBox: { x: 0, y: 0, width: 100, height: 100 },
      },
      false,
    );
  }

  clone(): VectorNode {
    return this.$clone<VectorNode>();
  }

  get vectorPaths(): VectorPaths {
    this.$use('get_vectorPaths');
    return this.$state.vectorPaths;
  }

  /** Sets the paths; the node's box becomes their bounds (moving the node by the bounds' offset). */
  set vectorPaths(value: VectorPaths) {
    this.$use('set_vectorPaths');
    if (!Array.isArray(value)) throw figmaError('set_vectorPaths', 'Expected an array of paths');
    const paths = value.map((p: unknown, i) => {
      const path = p as Partial<VectorPath> | null;
      if (
        !path ||
        typeof path.data !== 'string' ||
        !['NONZERO', 'EVENODD', 'NONE'].includes(path.windingRule as string)
      ) {
        throw figmaError('set_vectorPaths', `Expected {windingRule, data} at [${i}]`);
      }
      try {
        parsePath(path.data);
      } catch (error) {
        throw figmaError('set_vectorPaths', `Invalid path data at [${i}]: ${(error as Error).message}`);
      }
      return Object.freeze({ windingRule: path.windingRule!, data: path.data });
    });
    const box = pathBounds(paths.map((p) => p.data)) ?? { x: 0, y: 0, width: 0, height: 0 };
    const t = this.$state.transform;
    const [x, y] = apply(t, box.x, box.y);
    this.$state = {
      ...this.$state,
      vectorPaths: Object.freeze(paths),
      pathBox: box,
      width: Math.max(MIN_SIZE, box.width),
      height: Math.max(MIN_SIZE, box.height),
      transform: [
        [t[0][0], t[0][1], x],
        [t[1][0], t[1][1], y],
      ],
    };
    this.$ctx.changed();
  }
}
