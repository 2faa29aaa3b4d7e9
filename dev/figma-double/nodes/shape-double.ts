/**
 * Nodes with their own box and paints: frames, components, instances, rectangles, ellipses, vectors and text
 * (`GeometryMixin`, `MinimalFillsMixin`, `MinimalStrokesMixin`, `CornerMixin` in plugin-api.d.ts).
 */
import { figmaError } from '../errors.js';
import { checkPaints } from '../paints.js';
import { IDENTITY } from '../transform.js';
import type { BaseProps } from './node-double.js';
import { SceneDouble, sceneProps, type SceneProps } from './scene-double.js';

/** State of a node with a box and paints. */
export interface ShapeProps extends SceneProps {
  transform: Transform;
  width: number;
  height: number;
  fills: readonly Paint[];
  strokes: readonly Paint[];
  strokeWeight: number;
  strokeAlign: 'CENTER' | 'INSIDE' | 'OUTSIDE';
  cornerRadius: number;
}

/** Paint members the double implements. */
export type GeometryKeys = 'fills' | 'strokes' | 'strokeWeight' | 'strokeAlign';

/** Figma's default grey for new shapes (#D9D9D9). */
export const DEFAULT_SHAPE_FILL: readonly Paint[] = Object.freeze([
  Object.freeze({
    type: 'SOLID',
    visible: true,
    opacity: 1,
    blendMode: 'NORMAL',
    color: Object.freeze({ r: 0.8509804010391235, g: 0.8509804010391235, b: 0.8509804010391235 }),
  } as const),
]);

/** Default state for a shape of a given size. */
export function shapeProps(base: BaseProps, width: number, height: number): ShapeProps {
  return {
    ...sceneProps(base),
    blendMode: 'NORMAL',
    transform: IDENTITY,
    width,
    height,
    fills: DEFAULT_SHAPE_FILL,
    strokes: Object.freeze([]),
    strokeWeight: 1,
    strokeAlign: 'INSIDE',
    cornerRadius: 0,
  };
}

/** A scene node whose box and paints are its own state. */
export abstract class ShapeDouble<P extends ShapeProps = ShapeProps> extends SceneDouble<P> {
  $transform(): Transform {
    return this.$state.transform;
  }

  $size(): { width: number; height: number } {
    return { width: this.$state.width, height: this.$state.height };
  }

  $applyTransform(t: Transform, _operation?: string): void {
    this.$set('transform', t);
  }

  $applySize(width: number, height: number, _operation?: string): void {
    this.$state = { ...this.$state, width, height };
    this.$ctx.changed();
  }

  get fills(): ReadonlyArray<Paint> | PluginAPI['mixed'] {
    this.$use('get_fills');
    return this.$state.fills;
  }
  set fills(value: ReadonlyArray<Paint> | PluginAPI['mixed']) {
    this.$use('set_fills');
    this.$set('fills', this.$checkPaints(value, 'set_fills'));
  }

  get strokes(): ReadonlyArray<Paint> {
    this.$use('get_strokes');
    return this.$state.strokes;
  }
  set strokes(value: ReadonlyArray<Paint>) {
    this.$use('set_strokes');
    this.$set('strokes', this.$checkPaints(value, 'set_strokes'));
  }

  get strokeWeight(): number | PluginAPI['mixed'] {
    this.$use('get_strokeWeight');
    return this.$state.strokeWeight;
  }
  set strokeWeight(value: number | PluginAPI['mixed']) {
    this.$use('set_strokeWeight');
    if (typeof value !== 'number' || !(value >= 0)) throw figmaError('set_strokeWeight', 'Expected a number >= 0');
    this.$set('strokeWeight', value);
  }

  get strokeAlign(): 'CENTER' | 'INSIDE' | 'OUTSIDE' {
    this.$use('get_strokeAlign');
    return this.$state.strokeAlign;
  }
  set strokeAlign(value: 'CENTER' | 'INSIDE' | 'OUTSIDE') {
    this.$use('set_strokeAlign');
    if (!['CENTER', 'INSIDE', 'OUTSIDE'].includes(value))
      throw figmaError('set_strokeAlign', 'Invalid stroke alignment');
    this.$set('strokeAlign', value);
  }

  get cornerRadius(): number | PluginAPI['mixed'] {
    this.$use('get_cornerRadius');
    return this.$state.cornerRadius;
  }
  set cornerRadius(value: number | PluginAPI['mixed']) {
    this.$use('set_cornerRadius');
    if (typeof value !== 'number' || !(value >= 0)) throw figmaError('set_cornerRadius', 'Expected a number >= 0');
    this.$set('cornerRadius', value);
  }

  protected $checkPaints(value: unknown, operation: string): readonly Paint[] {
    return checkPaints(value, operation, (hash) => this.$ctx.images.get(hash) !== undefined);
  }
}
