/**
 * Scene nodes: visibility, lock, opacity, position and size (`SceneNodeMixin`, `DimensionAndPositionMixin`,
 * `LayoutMixin`, `MinimalBlendMixin`, `ExportMixin` in plugin-api.d.ts).
 */
import { figmaError } from '../errors.js';
import { isBlendMode } from '../paints.js';
import { copyTransform, rotationOf, rotationTransform } from '../transform.js';
import { cloneNode } from './clone.js';
import { absoluteBoundingBoxOf, absoluteTransformOf, type SceneGeometry } from './geometry.js';
import { absoluteRenderBoundsOf } from './render-bounds.js';
import { ExportableDouble } from './exportable-double.js';
import { expose, type BaseNodeKeys, type BaseProps, type NodeDouble } from './node-double.js';
import { removeNode } from './tree.js';

/** State of every scene node. */
export interface SceneProps extends BaseProps {
  visible: boolean;
  locked: boolean;
  opacity: number;
  blendMode: BlendMode;
  /** The Export section of the right panel (`ExportMixin.exportSettings`); empty by default. */
  exportSettings: readonly ExportSettings[];
}

/** Members shared by every scene node of the double. */
export type SceneNodeKeys =
  | BaseNodeKeys
  | 'visible'
  | 'locked'
  | 'opacity'
  | 'blendMode'
  | 'x'
  | 'y'
  | 'width'
  | 'height'
  | 'rotation'
  | 'relativeTransform'
  | 'absoluteTransform'
  | 'absoluteBoundingBox'
  | 'absoluteRenderBounds'
  | 'resize'
  | 'resizeWithoutConstraints'
  | 'exportAsync'
  | 'exportSettings'
  | 'clone'
  | 'getTopLevelFrame'
  | 'isAsset';

/** Smallest width or height Figma accepts in `resize`. */
export const MIN_SIZE = 0.01;

/** Default scene state. */
export function sceneProps(base: BaseProps): SceneProps {
  return { ...base, visible: true, locked: false, opacity: 1, blendMode: 'PASS_THROUGH', exportSettings: [] };
}

/** A node with a place on the canvas. */
export abstract class SceneDouble<P extends SceneProps = SceneProps>
  extends ExportableDouble<P>
  implements SceneGeometry
{
  abstract $transform(): Transform;
  abstract $size(): { width: number; height: number };
  /** Sets the transform into the container's space (already checked). */
  abstract $applyTransform(t: Transform, operation: string): void;
  /** Sets the size (already checked). */
  abstract $applySize(width: number, height: number, operation: string): void;

  get visible(): boolean {
    this.$use('get_visible');
    return this.$state.visible;
  }
  set visible(value: boolean) {
    this.$use('set_visible');
    this.$set('visible', checkBoolean(value, 'set_visible'));
  }

  get locked(): boolean {
    this.$use('get_locked');
    return this.$state.locked;
  }
  set locked(value: boolean) {
    this.$use('set_locked');
    this.$set('locked', checkBoolean(value, 'set_locked'));
  }

  get opacity(): number {
    this.$use('get_opacity');
    return this.$state.opacity;
  }
  set opacity(value: number) {
    this.$use('set_opacity');
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw figmaError('set_opacity', 'Expected "opacity" to be a number from 0 to 1');
    }
    this.$set('opacity', value);
  }

  get blendMode(): BlendMode {
    this.$use('get_blendMode');
    return this.$state.blendMode;
  }
  set blendMode(value: BlendMode) {
    this.$use('set_blendMode');
    if (!isBlendMode(value)) throw figmaError('set_blendMode', 'Invalid blend mode');
    this.$set('blendMode', value);
  }

  get exportSettings(): ReadonlyArray<ExportSettings> {
    this.$use('get_exportSettings');
    return this.$state.exportSettings ?? [];
  }
  set exportSettings(value: ReadonlyArray<ExportSettings>) {
    this.$use('set_exportSettings');
    this.$set('exportSettings', checkExportSettings(value, 'set_exportSettings'));
  }

  get x(): number {
    this.$use('get_x');
    return this.$transform()[0][2];
  }
  set x(value: number) {
    this.$use('set_x');
    const [r0, r1] = this.$transform();
    this.$applyTransform([[r0[0], r0[1], checkNumber(value, 'set_x')], [...r1]], 'set_x');
  }

  get y(): number {
    this.$use('get_y');
    return this.$transform()[1][2];
  }
  set y(value: number) {
    this.$use('set_y');
    const [r0, r1] = this.$transform();
    this.$applyTransform([[...r0], [r1[0], r1[1], checkNumber(value, 'set_y')]], 'set_y');
  }

  get width(): number {
    this.$use('get_width');
    return this.$size().width;
  }

  get height(): number {
    this.$use('get_height');
    return this.$size().height;
  }

  get rotation(): number {
    this.$use('get_rotation');
    return rotationOf(this.$transform());
  }
  set rotation(value: number) {
    this.$use('set_rotation');
    const t = this.$transform();
    this.$applyTransform(rotationTransform(checkNumber(value, 'set_rotation'), t[0][2], t[1][2]), 'set_rotation');
  }

  get relativeTransform(): Transform {
    this.$use('get_relativeTransform');
    const [r0, r1] = this.$transform();
    return [[...r0], [...r1]];
  }
  set relativeTransform(value: Transform) {
    this.$use('set_relativeTransform');
    this.$applyTransform(copyTransform(value, 'set_relativeTransform'), 'set_relativeTransform');
  }

  get absoluteTransform(): Transform {
    this.$use('get_absoluteTransform');
    return absoluteTransformOf(this);
  }

  get absoluteBoundingBox(): Rect | null {
    this.$use('get_absoluteBoundingBox');
    return absoluteBoundingBoxOf(this);
  }

  get absoluteRenderBounds(): Rect | null {
    this.$use('get_absoluteRenderBounds');
    return absoluteRenderBoundsOf(this);
  }

  resize(width: number, height: number): void {
    this.$use('resize');
    this.$applySize(checkSize(width, 'resize', 'width'), checkSize(height, 'resize', 'height'), 'resize');
  }

  /** Same as resize: the double does not apply child constraints (Figma's default, MIN/MIN, leaves children put). */
  resizeWithoutConstraints(width: number, height: number): void {
    this.$use('resizeWithoutConstraints');
    const op = 'resizeWithoutConstraints';
    this.$applySize(checkSize(width, op, 'width'), checkSize(height, op, 'height'), op);
  }

  remove(): void {
    removeNode(this, 'remove');
  }

  /** The top-level frame that contains this node (a direct child of the page), if any. */
  getTopLevelFrame(): FrameNode | undefined {
    this.$use('getTopLevelFrame');
    let top: NodeDouble | null = this.$parent ? this : null;
    while (top?.$parent && top.$parent.type !== 'PAGE') top = top.$parent;
    return top?.$parent && top.type === 'FRAME' ? expose<FrameNode>(top) : undefined;
  }

  /** True for a node whose fills include a visible image (a raster asset). */
  get isAsset(): boolean {
    this.$use('get_isAsset');
    const fills = (this.$state as { fills?: readonly Paint[] }).fills ?? [];
    return fills.some((p) => p.type === 'IMAGE' && p.visible !== false);
  }

  /** Duplicates the node; see clone.ts for where the copy goes. */
  protected $clone<T>(): T {
    this.$use('clone');
    return expose<T>(cloneNode(this));
  }
}

/** Export settings as Figma stores them: a frozen copy, each with a known format and (for images) a constraint. */
function checkExportSettings(value: unknown, operation: string): readonly ExportSettings[] {
  if (!Array.isArray(value)) throw figmaError(operation, 'Expected an array of export settings');
  return Object.freeze(
    value.map((raw: unknown, i) => {
      const setting = raw as Partial<ExportSettingsImage> | null;
      if (!setting || !['JPG', 'PNG', 'SVG', 'PDF'].includes(setting.format as string)) {
        throw figmaError(operation, `Expected a format of JPG, PNG, SVG or PDF at [${i}]`);
      }
      const constraint = setting.constraint;
      if (
        constraint !== undefined &&
        (!['SCALE', 'WIDTH', 'HEIGHT'].includes(constraint.type) || !(constraint.value > 0))
      ) {
        throw figmaError(operation, `Invalid constraint at [${i}]`);
      }
      return Object.freeze({ ...setting, ...(constraint ? { constraint: Object.freeze({ ...constraint }) } : {}) });
    }) as ExportSettings[],
  );
}

function checkBoolean(value: unknown, operation: string): boolean {
  if (typeof value !== 'boolean') throw figmaError(operation, 'Expected a boolean');
  return value;
}

function checkNumber(value: unknown, operation: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw figmaError(operation, 'Expected a finite number');
  return value;
}

function checkSize(value: unknown, operation: string, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_SIZE) {
    throw figmaError(operation, `Expected "${what}" to be a number >= ${MIN_SIZE}`);
  }
  return value;
}
