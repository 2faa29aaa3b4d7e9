/**
 * `GroupNode` (plugin-api.d.ts). A group has no coordinate space of its own: its children's transforms are in the
 * group's container's space, and its position and size are the bounds of its children (relativeTransform "is not
 * relative to its direct parent if the parent is a group": dev/figma-double/README.md#what-it-follows-from-figma). An
 * emptied group removes itself (see tree.ts).
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError, notImplementedError } from '../errors.js';
import { translation, transformedBounds, unionRects } from '../transform.js';
import { withSceneChildren, type ChildrenKeys } from './children-mixin.js';
import { isScene } from './geometry.js';
import { baseProps } from './node-double.js';
import { SceneDouble, sceneProps, type SceneNodeKeys, type SceneProps } from './scene-double.js';

/** The members of `GroupNode` the double implements. */
export type GroupKeys = SceneNodeKeys | ChildrenKeys;

/** A group. */
export class GroupDouble extends withSceneChildren(SceneDouble)<SceneProps> implements Pick<GroupNode, GroupKeys> {
  readonly type = 'GROUP';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, sceneProps(baseProps('Group')), true);
  }

  clone(): GroupNode {
    return this.$clone<GroupNode>();
  }

  /** Bounds of the children in the container's space. */
  private $bounds(): Rect {
    const rects = (this.$children ?? []).flatMap((c) => {
      if (!isScene(c)) return [];
      const { width, height } = c.$size();
      return [transformedBounds(c.$transform(), width, height)];
    });
    return unionRects(rects) ?? { x: 0, y: 0, width: 0, height: 0 };
  }

  $transform(): Transform {
    const b = this.$bounds();
    return translation(b.x, b.y);
  }

  $size(): { width: number; height: number } {
    const b = this.$bounds();
    return { width: b.width, height: b.height };
  }

  /** Moving a group moves its children; rotating a group is not supported by the double. */
  $applyTransform(t: Transform, operation: string): void {
    if (
      Math.abs(t[0][0] - 1) > 1e-9 ||
      Math.abs(t[1][1] - 1) > 1e-9 ||
      Math.abs(t[0][1]) > 1e-9 ||
      Math.abs(t[1][0]) > 1e-9
    ) {
      throw notImplementedError(`${operation} with rotation or scale on a group`);
    }
    const b = this.$bounds();
    const dx = t[0][2] - b.x;
    const dy = t[1][2] - b.y;
    for (const child of this.$children ?? []) {
      if (!(child instanceof SceneDouble)) continue;
      const [r0, r1] = child.$transform();
      child.$applyTransform(
        [
          [r0[0], r0[1], r0[2] + dx],
          [r1[0], r1[1], r1[2] + dy],
        ],
        operation,
      );
    }
  }

  /** Resizing a group scales its children's positions and sizes about the group's corner. */
  $applySize(width: number, height: number, operation: string): void {
    const b = this.$bounds();
    if (b.width <= 0 || b.height <= 0) throw figmaError(operation, 'Cannot resize an empty group');
    const sx = width / b.width;
    const sy = height / b.height;
    for (const child of this.$children ?? []) {
      if (!(child instanceof SceneDouble)) continue;
      const [r0, r1] = child.$transform();
      const size = child.$size();
      child.$applySize(Math.max(0.01, size.width * sx), Math.max(0.01, size.height * sy), operation);
      child.$applyTransform(
        [
          [r0[0], r0[1], b.x + (r0[2] - b.x) * sx],
          [r1[0], r1[1], b.y + (r1[2] - b.y) * sy],
        ],
        operation,
      );
    }
  }
}
