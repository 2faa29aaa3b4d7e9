/**
 * `InstanceNode` (plugin-api.d.ts). Its sublayers are copies of the main component's children made when the instance
 * was created (the double does not push later component edits into instances). Under dynamic-page `mainComponent`
 * throws; use `getMainComponentAsync()` (docs/figma-platform.md#dynamic-page-loading).
 */
import type { DoubleContext } from '../document/context.js';
import { dynamicPageError } from '../errors.js';
import { FrameLikeDouble, frameProps, type FrameProps } from './frame-like-double.js';
import type { FrameKeys } from './frame-double.js';
import { baseProps, expose, type NodeDouble } from './node-double.js';
import { parseVariantName } from './variant-name.js';

/** State of an instance: a frame plus the id of its main component. */
export interface InstanceProps extends FrameProps {
  mainComponentId: string;
}

/** The members of `InstanceNode` the double implements. */
export type InstanceKeys =
  FrameKeys | 'getMainComponentAsync' | 'mainComponent' | 'variantProperties' | 'componentProperties';

/** An instance of a component. */
export class InstanceDouble extends FrameLikeDouble<InstanceProps> implements Pick<InstanceNode, InstanceKeys> {
  readonly type = 'INSTANCE';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, { ...frameProps(baseProps('Instance')), mainComponentId: '' }, true);
  }

  clone(): InstanceNode {
    return this.$clone<InstanceNode>();
  }

  /** The main component, if it still exists. */
  private $main(): NodeDouble | null {
    const node = this.$ctx.registry.get(this.$state.mainComponentId);
    return node && !node.$removed ? node : null;
  }

  getMainComponentAsync(): Promise<ComponentNode | null> {
    try {
      this.$use('getMainComponentAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const main = this.$main();
    return Promise.resolve(main ? expose<ComponentNode>(main) : null);
  }

  get mainComponent(): ComponentNode | null {
    this.$use('get_mainComponent');
    throw dynamicPageError('get_mainComponent', 'access mainComponent', 'node.getMainComponentAsync');
  }
  set mainComponent(_value: ComponentNode | null) {
    this.$use('set_mainComponent');
    throw dynamicPageError('set_mainComponent', 'set mainComponent', 'node.swapComponent');
  }

  get variantProperties(): { [property: string]: string } | null {
    this.$use('get_variantProperties');
    const main = this.$main();
    return main?.$parent?.type === 'COMPONENT_SET' ? parseVariantName(main.$state.name) : null;
  }

  get componentProperties(): ComponentProperties {
    this.$use('get_componentProperties');
    const variant = this.variantProperties ?? {};
    return Object.fromEntries(Object.entries(variant).map(([k, value]) => [k, { type: 'VARIANT' as const, value }]));
  }
}
