/**
 * Copies of subtrees: `clone()` and `createInstance()`. Plugin data travels with a copy
 * (docs/figma-platform.md#duplicates-carry-plugin-data). Nested components are copied as instances of the original
 * component, as the typings say (dev/figma-double/README.md#what-it-follows-from-figma). Instance sublayers get
 * Figma-style ids, "I<instance id>;<source id>".
 */
import type { NodeDouble } from './node-double.js';
import { isInsideInstance, pageOf } from './tree.js';

/** The id a sublayer of `instanceId` gets for the source node `sourceId`. */
export function sublayerId(instanceId: string, sourceId: string): string {
  return instanceId.startsWith('I') ? `${instanceId};${sourceId}` : `I${instanceId};${sourceId}`;
}

/** The id of the component node a sublayer mirrors (a plain id is its own source). */
function sourceIdOf(node: NodeDouble): string {
  return node.id.startsWith('I') ? node.id.slice(node.id.lastIndexOf(';') + 1) : node.id;
}

/**
 * Duplicates a node with new ids. The typings say "By default, the duplicate will be parented under
 * `figma.currentPage`" (`FrameNode.clone`); in practice a copy of a node on the current page lands in the same parent,
 * directly above the original, and a copy of a node from another page lands on the current page (both reported by
 * plugin authors; neither is documented further). The double does both; code that cares should place the copy
 * itself. A copy of an instance sublayer goes to the current page (instances can't take new children).
 */
export function cloneNode(node: NodeDouble): NodeDouble {
  const ctx = node.$ctx;
  const copy = copyTree(node, true, null, false);
  const parent = node.$parent;
  const samePage = pageOf(node) === ctx.currentPage;
  if (samePage && parent?.$children && parent.type !== 'INSTANCE' && !isInsideInstance(parent)) {
    attach(parent, copy, parent.$children.indexOf(node) + 1);
  } else {
    attach(ctx.currentPage, copy, null);
  }
  ctx.changed();
  return copy;
}

/** A new instance of a component (not yet placed anywhere). */
export function instantiate(component: NodeDouble): NodeDouble {
  const ctx = component.$ctx;
  const instance = ctx.make('INSTANCE');
  const { description: _description, ...frame } = component.$state as typeof component.$state & {
    description?: string;
  };
  instance.$state = {
    ...frame,
    pluginData: {},
    sharedPluginData: {},
    relaunchData: {},
    mainComponentId: component.id,
  } as typeof instance.$state;
  for (const child of component.$children ?? []) attach(instance, copyTree(child, false, instance.id, false), null);
  return instance;
}

function copyTree(node: NodeDouble, root: boolean, instanceId: string | null, keepComponents: boolean): NodeDouble {
  const ctx = node.$ctx;
  if (!root && node.type === 'COMPONENT' && !keepComponents && instanceId === null) return instantiate(node);
  const copy = ctx.make(node.type, instanceId ? sublayerId(instanceId, sourceIdOf(node)) : ctx.newId());
  copy.$state = { ...node.$state };
  const childInstanceId = copy.type === 'INSTANCE' ? copy.id : instanceId;
  for (const child of node.$children ?? []) {
    attach(copy, copyTree(child, false, childInstanceId, copy.type === 'COMPONENT_SET'), null);
  }
  return copy;
}

/** Puts a fresh node into a parent without reparenting checks (the copy is new, so none apply). */
function attach(parent: NodeDouble, child: NodeDouble, index: number | null): void {
  const list = parent.$children!;
  list.splice(index ?? list.length, 0, child);
  child.$parent = parent;
}
