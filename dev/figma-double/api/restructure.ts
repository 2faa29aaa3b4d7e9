/**
 * Node-building calls that restructure the tree: `group`, `ungroup`, `createComponentFromNode` and `combineAsVariants`
 * (docs/figma-platform.md#components-and-variants). Nodes keep their place on the page while they move.
 */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import { absoluteTransformOf, containerTransformOf } from '../nodes/geometry.js';
import { expose, unwrap, type NodeDouble } from '../nodes/node-double.js';
import { SceneDouble } from '../nodes/scene-double.js';
import type { ShapeProps } from '../nodes/shape-double.js';
import { insertChild, isInsideInstance, removeNode, subtree } from '../nodes/tree.js';
import { asVariantName } from '../nodes/variant-name.js';
import { invert, multiply, translation, unionRects, transformedBounds } from '../transform.js';

/** Moves a node into `parent` at `index`, keeping where it is on the page. */
function moveKeepingPlace(node: NodeDouble, parent: NodeDouble, index: number | null, operation: string): void {
  const absolute = absoluteTransformOf(node);
  insertChild(parent, index, node, operation);
  if (node instanceof SceneDouble) {
    const inverse = invert(containerTransformOf(node));
    if (inverse) node.$applyTransform(multiply(inverse, absolute), operation);
  }
}

/** Checks the nodes argument of group-like calls: a non-empty array of live scene nodes. */
function sceneNodes(ctx: DoubleContext, nodes: unknown, operation: string): SceneDouble[] {
  if (!Array.isArray(nodes) || nodes.length === 0)
    throw figmaError(operation, 'First argument must be an array of at least one node');
  return nodes.map((n) => {
    const node = unwrap(n, operation, ctx);
    if (!(node instanceof SceneDouble)) throw figmaError(operation, `Node ${node.id} is not a scene node`);
    return node;
  });
}

/** Document order of nodes (what z-order they keep inside a new group). */
function inDocumentOrder<T extends NodeDouble>(ctx: DoubleContext, nodes: T[]): T[] {
  const order = new Map(subtree(ctx.root).map((n, i) => [n, i]));
  return [...nodes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** `figma.group(nodes, parent, index?)`. */
export function groupNodes(ctx: DoubleContext, nodes: unknown, parentValue: unknown, index?: number): GroupNode {
  const members = inDocumentOrder(ctx, sceneNodes(ctx, nodes, 'group'));
  const parent = unwrap(parentValue, 'group', ctx);
  const group = ctx.make('GROUP');
  insertChild(parent, index ?? null, group, 'group');
  for (const node of members) moveKeepingPlace(node, group, null, 'group');
  return expose<GroupNode>(group);
}

/** `figma.ungroup(node)`: children move to the group's parent, in its place; the emptied group goes away. */
export function ungroupNode(ctx: DoubleContext, value: unknown): SceneNode[] {
  const group = unwrap(value, 'ungroup', ctx);
  if (!group.$children || !group.$parent) throw figmaError('ungroup', 'Expected a node with children');
  const parent = group.$parent;
  const children = [...group.$children];
  let at = parent.$children!.indexOf(group);
  for (const child of children) moveKeepingPlace(child, parent, at++, 'ungroup');
  if (!group.$removed) removeNode(group, 'ungroup');
  return children.map((c) => expose<SceneNode>(c));
}

/** `figma.createComponentFromNode(node)`: a frame becomes a component; any other node is wrapped in one. */
export function componentFromNode(ctx: DoubleContext, value: unknown): ComponentNode {
  const node = unwrap(value, 'createComponentFromNode', ctx);
  const invalid =
    !(node instanceof SceneDouble) ||
    node.type === 'COMPONENT' ||
    node.type === 'COMPONENT_SET' ||
    isInsideInstance(node) ||
    hasAncestorOfType(node, ['COMPONENT', 'COMPONENT_SET']);
  if (invalid || !node.$parent) throw figmaError('createComponentFromNode', 'Cannot create component from node');
  const parent = node.$parent;
  const index = parent.$children!.indexOf(node);
  const component = ctx.make('COMPONENT');
  if (node.type === 'FRAME') {
    component.$state = { ...node.$state, description: '' } as typeof component.$state;
    insertChild(parent, index, component, 'createComponentFromNode');
    for (const child of [...(node.$children ?? [])]) insertChild(component, null, child, 'createComponentFromNode');
    node.remove();
  } else {
    const { width, height } = node.$size();
    const box = transformedBounds(node.$transform(), width, height);
    component.$state = {
      ...component.$state,
      name: node.$state.name,
      transform: translation(box.x, box.y),
      width: Math.max(0.01, box.width),
      height: Math.max(0.01, box.height),
      fills: Object.freeze([]),
    } as typeof component.$state;
    insertChild(parent, index, component, 'createComponentFromNode');
    moveKeepingPlace(node, component, null, 'createComponentFromNode');
  }
  return expose<ComponentNode>(component);
}

function hasAncestorOfType(node: NodeDouble, types: string[]): boolean {
  for (let n = node.$parent; n; n = n.$parent) if (types.includes(n.type)) return true;
  return false;
}

/**
 * `figma.combineAsVariants(components, parent, index?)`: a component set around the components, sized to their
 * bounds, with names turned into variant names (`Prop=Value`; a plain name becomes `Property 1=<name>`).
 */
export function combineAsVariants(
  ctx: DoubleContext,
  nodes: unknown,
  parentValue: unknown,
  index?: number,
): ComponentSetNode {
  const operation = 'combineAsVariants';
  if (!Array.isArray(nodes) || nodes.length === 0)
    throw figmaError(operation, 'Expected a non-empty array of components');
  const components = nodes.map((n) => unwrap(n, operation, ctx));
  if (components.some((c) => c.type !== 'COMPONENT')) throw figmaError(operation, 'All nodes must be components');
  const parent = unwrap(parentValue, operation, ctx);
  const boxes = components.map((c) => {
    const { width, height } = (c as SceneDouble).$size();
    return transformedBounds(absoluteTransformOf(c), width, height);
  });
  const box = unionRects(boxes)!;
  const set = ctx.make('COMPONENT_SET');
  insertChild(parent, index ?? null, set, operation);
  const inverse = invert(containerTransformOf(set));
  set.$state = {
    ...set.$state,
    transform: inverse ? multiply(inverse, translation(box.x, box.y)) : translation(box.x, box.y),
    width: Math.max(0.01, box.width),
    height: Math.max(0.01, box.height),
  } as ShapeProps;
  for (const component of components) {
    moveKeepingPlace(component, set, null, operation);
    component.$set('name', asVariantName(component.$state.name));
  }
  return expose<ComponentSetNode>(set);
}
