/**
 * `ComponentSetNode` (plugin-api.d.ts), made by `figma.combineAsVariants`. Its property definitions are read from its
 * variants' names; the default variant is the top-left one
 * (docs/figma-platform.md#components-and-variants).
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import type { ComponentProps } from './component-double.js';
import { frameProps } from './frame-like-double.js';
import type { FrameKeys } from './frame-double.js';
import { baseProps, expose, type NodeDouble } from './node-double.js';
import { PublishableDouble, type PublishableKeys } from './publishable-double.js';
import { parseVariantName } from './variant-name.js';

/** The members of `ComponentSetNode` the double implements. */
export type ComponentSetKeys =
  FrameKeys | PublishableKeys | 'defaultVariant' | 'componentPropertyDefinitions' | 'variantGroupProperties';

/** Figma draws sets with a dashed violet border and no fill; the double keeps the colour, not the dashes. */
const SET_STROKE: readonly Paint[] = Object.freeze([
  Object.freeze({
    type: 'SOLID',
    visible: true,
    opacity: 1,
    blendMode: 'NORMAL',
    color: Object.freeze({ r: 0.592156862745098, g: 0.2784313725490196, b: 1 }),
  } as const),
]);

/** A component set. */
export class ComponentSetDouble extends PublishableDouble implements Pick<ComponentSetNode, ComponentSetKeys> {
  readonly type = 'COMPONENT_SET';

  constructor(ctx: DoubleContext, id: string) {
    super(
      ctx,
      id,
      {
        ...frameProps(baseProps('Component Set')),
        fills: Object.freeze([]),
        strokes: SET_STROKE,
        cornerRadius: 5,
        description: '',
      },
      true,
    );
  }

  clone(): ComponentSetNode {
    return this.$clone<ComponentSetNode>();
  }

  /** The variants (children) in order. */
  private $variants(): NodeDouble[] {
    return (this.$children ?? []).filter((c) => c.type === 'COMPONENT');
  }

  /** The top-left variant: smallest y, then smallest x. */
  private $defaultVariant(): NodeDouble | null {
    const variants = this.$variants();
    const pos = (n: NodeDouble): Transform => (n.$state as ComponentProps).transform;
    return [...variants].sort((a, b) => pos(a)[1][2] - pos(b)[1][2] || pos(a)[0][2] - pos(b)[0][2])[0] ?? null;
  }

  get defaultVariant(): ComponentNode {
    this.$use('get_defaultVariant');
    const node = this.$defaultVariant();
    if (!node) throw figmaError('get_defaultVariant', 'The component set has no variants');
    return expose<ComponentNode>(node);
  }

  get componentPropertyDefinitions(): ComponentPropertyDefinitions {
    this.$use('get_componentPropertyDefinitions');
    const defaults = parseVariantName(this.$defaultVariant()?.$state.name ?? '') ?? {};
    const out: ComponentPropertyDefinitions = {};
    for (const [property, values] of Object.entries(this.$valuesByProperty())) {
      out[property] = { type: 'VARIANT', defaultValue: defaults[property] ?? values[0] ?? '', variantOptions: values };
    }
    return out;
  }

  get variantGroupProperties(): { [property: string]: { values: string[] } } {
    this.$use('get_variantGroupProperties');
    return Object.fromEntries(Object.entries(this.$valuesByProperty()).map(([k, values]) => [k, { values }]));
  }

  /** Each property's distinct values, in variant order. */
  private $valuesByProperty(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const variant of this.$variants()) {
      for (const [k, v] of Object.entries(parseVariantName(variant.$state.name) ?? {})) {
        const list = (out[k] ??= []);
        if (!list.includes(v)) list.push(v);
      }
    }
    return out;
  }
}
