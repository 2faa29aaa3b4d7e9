/**
 * `ComponentNode` [T:11200]. Under dynamic-page `instances` throws; use `getInstancesAsync()`
 * [D:migrating-to-dynamic-loading]. Variant properties come from the name when the component is in a set.
 */
import type { DoubleContext } from '../document/context.js';
import { dynamicPageError, figmaError } from '../errors.js';
import { sha1Hex } from '../images/sha1.js';
import { absoluteTransformOf } from './geometry.js';
import { instantiate } from './clone.js';
import { FrameLikeDouble, frameProps, type FrameProps } from './frame-like-double.js';
import type { FrameKeys } from './frame-double.js';
import { baseProps, expose } from './node-double.js';
import { parseVariantName } from './variant-name.js';
import { insertChild } from './tree.js';

/** State of a component. */
export interface ComponentProps extends FrameProps {
  description: string;
}

/** The members of `ComponentNode` the double implements. */
export type ComponentKeys =
  | FrameKeys
  | 'createInstance'
  | 'getInstancesAsync'
  | 'instances'
  | 'description'
  | 'key'
  | 'remote'
  | 'getPublishStatusAsync'
  | 'variantProperties'
  | 'componentPropertyDefinitions';

/** A stable, file-unique 40-hex key for a component or set, derived from its id. */
export function keyFor(id: string): string {
  return sha1Hex(new TextEncoder().encode(`component-key:${id}`));
}

/** A component. */
export class ComponentDouble extends FrameLikeDouble<ComponentProps> implements Pick<ComponentNode, ComponentKeys> {
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

  get description(): string {
    this.$use('get_description');
    return this.$state.description;
  }
  set description(value: string) {
    this.$use('set_description');
    if (typeof value !== 'string') throw figmaError('set_description', 'Expected a string');
    this.$set('description', value);
  }

  get key(): string {
    this.$use('get_key');
    return keyFor(this.id);
  }

  /** Always false: the double has no team libraries. */
  get remote(): boolean {
    this.$use('get_remote');
    return false;
  }
  /**
   * Always 'UNPUBLISHED': the double has no team library, and a plugin cannot publish (figma-api.md §0.7), so
   * nothing the plugin does can change it.
   */
  getPublishStatusAsync(): Promise<PublishStatus> {
    try {
      this.$use('getPublishStatusAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return Promise.resolve('UNPUBLISHED');
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
