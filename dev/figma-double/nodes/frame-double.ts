/** `FrameNode` (plugin-api.d.ts). */
import type { DoubleContext } from '../document/context.js';
import { baseProps } from './node-double.js';
import type { ChildrenKeys } from './children-mixin.js';
import { FrameLikeDouble, frameProps, type FrameProps } from './frame-like-double.js';
import type { SceneNodeKeys } from './scene-double.js';
import type { GeometryKeys } from './shape-double.js';

/** The members of `FrameNode` the double implements. */
export type FrameKeys = SceneNodeKeys | GeometryKeys | ChildrenKeys | 'cornerRadius' | 'clipsContent';

/** A frame. */
export class FrameDouble extends FrameLikeDouble<FrameProps> implements Pick<FrameNode, FrameKeys> {
  readonly type = 'FRAME';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, frameProps(baseProps('Frame')), true);
  }

  clone(): FrameNode {
    return this.$clone<FrameNode>();
  }
}
