/**
 * What frames, components, component sets and instances share: a box, paints, clipping and children
 * (`BaseFrameMixin` in plugin-api.d.ts).
 */
import { figmaError } from '../errors.js';
import { withSceneChildren } from './children-mixin.js';
import type { BaseProps } from './node-double.js';
import { ShapeDouble, shapeProps, type ShapeProps } from './shape-double.js';

/** State of a frame-like node. */
export interface FrameProps extends ShapeProps {
  clipsContent: boolean;
}

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
export abstract class FrameLikeDouble<P extends FrameProps = FrameProps> extends withSceneChildren(ShapeDouble)<P> {
  get clipsContent(): boolean {
    this.$use('get_clipsContent');
    return this.$state.clipsContent;
  }
  set clipsContent(value: boolean) {
    this.$use('set_clipsContent');
    if (typeof value !== 'boolean') throw figmaError('set_clipsContent', 'Expected a boolean');
    this.$set('clipsContent', value);
  }
}
