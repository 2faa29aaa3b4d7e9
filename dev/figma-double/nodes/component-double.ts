/**
 * `ComponentNode` (plugin-api.d.ts). Under dynamic-page `instances` throws; use `getInstancesAsync()`
 * (docs/figma-platform.md#dynamic-page-loading). Variant properties come from the name when the component is in a set.
 */
import type { DoubleContext } from '../document/context.js';
import { dynamicPageError, figmaError } from '../errors.js';
import { absoluteTransformOf } from './geometry.js';
import { instantiate } from './clone.js';
import { frameProps } from './frame-like-double.js';
import type { FrameKeys } from './frame-double.js';
import { baseProps, expose } from './node-double.js';
import { PublishableDouble, type PublishableKeys, type PublishableProps } from './publishable-double.js';
import { parseVariantName } from './variant-name.js';
import { insertChild } from './tree.js';

/** State of a component. */
export type ComponentProps = PublishableProps;

/** The members of `ComponentNode` the double implements. */
export type ComponentKeys =
  | FrameKeys
  | PublishableKeys
  | 'createInstance'
  | 'getInstancesAsync'
  | 'instances'
  | 'variantProperties'
  | 'componentPropertyDefinitions';

/** A component. */
export class ComponentDouble extends PublishableDouble<ComponentProps> implements Pick<ComponentNode, ComponentKeys> {
  readonly type = 'COMPONENT';

  constructor(ctx: DoubleContext, id: string) {
    super(ctx, id, { ...frameProps(baseProps('Component')), description: '' }, true);
  }

  clone(): ComponentNode {
    return this.$clone<ComponentNode>();
  }

  /** A new instance on the current page, where the component is on its page. */
  createInstance(): InstanceNode {
    this.$use('createInstance');
    const instance = instantiate(this);
    instance.$state = { ...instance.$state, transform: absoluteTransformOf(this) } as typeof instance.$state;
    insertChild(this.$ctx.currentPage, null, instance, 'createInstance');
    return expose<InstanceNode>(instance);
  }

  getInstancesAsync(): Promise<InstanceNode[]> {
    try {
      this.$use('getInstancesAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const found = [...this.$ctx.registry.values()].filter(
      (n) =>
        n.type === 'INSTANCE' && !n.$removed && (n.$state as { mainComponentId?: string }).mainComponentId === this.id,
    );
    return Promise.resolve(found.map((n) => expose<InstanceNode>(n)));
  }

  get instances(): InstanceNode[] {
    this.$use('get_instances');
    throw dynamicPageError('get_instances', 'access instances', 'node.getInstancesAsync');
  }

  get variantProperties(): { [property: string]: string } | null {
    this.$use('get_variantProperties');
    return this.$parent?.type === 'COMPONENT_SET' ? parseVariantName(this.$state.name) : null;
  }

  /** A variant has no definitions of its own (they are on its set); a plain component has none in the double. */
  get componentPropertyDefinitions(): ComponentPropertyDefinitions {
    this.$use('get_componentPropertyDefinitions');
    if (this.$parent?.type === 'COMPONENT_SET') {
      throw figmaError(
        'get_componentPropertyDefinitions',
        'Can only get definitions of a component set or non-variant component',
      );
    }
    return {};
  }
}
