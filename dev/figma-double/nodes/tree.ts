/**
 * Moving, inserting, removing and finding nodes, with Figma's reparenting rules and dynamic-page checks
 * (`ChildrenMixin`; docs/figma-platform.md#dynamic-page-loading). Every container class delegates here, so the rules
 * live in one place.
 */
import { figmaError, removedNodeError, unloadedPageError } from '../errors.js';
import type { PageDouble } from './page-double.js';
import { expose, unwrap, type NodeDouble } from './node-double.js';

/** The page a node is on, or null for the document and for detached nodes. */
export function pageOf(node: NodeDouble): PageDouble | null {
  for (let n: NodeDouble | null = node; n; n = n.$parent) if (n.type === 'PAGE') return n as PageDouble;
  return null;
}

/**
 * The node whose coordinate space `node.relativeTransform` is in: the nearest ancestor that is not a group. "It is not
 * relative to its direct parent if the parent is a group or a boolean operation"
 * (dev/figma-double/README.md#what-it-follows-from-figma).
 */
export function containerOf(node: NodeDouble): NodeDouble | null {
  let n = node.$parent;
  while (n && n.type === 'GROUP') n = n.$parent;
  return n;
}

/** Whether the node is an instance's sublayer (at any depth). */
export function isInsideInstance(node: NodeDouble): boolean {
  for (let n = node.$parent; n; n = n.$parent) if (n.type === 'INSTANCE') return true;
  return false;
}

/** Throws for a page whose contents are not loaded (dynamic-page). */
export function assertLoaded(container: NodeDouble, operation: string): void {
  if (container.type === 'PAGE' && !container.$ctx.isLoaded(container as PageDouble)) {
    throw unloadedPageError(operation);
  }
}

/** The children, for reading, after the dynamic-page check. */
export function childrenOf<T>(container: NodeDouble, operation: string): ReadonlyArray<T> {
  assertLoaded(container, operation);
  return Object.freeze((container.$children ?? []).map((c) => expose<T>(c)));
}

/** Inserts `childValue` into `parent` at `index` (the end when null), moving it from its old parent. */
export function insertChild(parent: NodeDouble, index: number | null, childValue: unknown, operation: string): void {
  const ctx = parent.$ctx;
  const child = unwrap(childValue, operation, ctx);
  assertLoaded(parent, operation);
  const list = parent.$children;
  if (!list) throw figmaError(operation, `A ${parent.type} node cannot have children`);
  if (child.type === 'DOCUMENT') throw figmaError(operation, 'The document cannot be moved');
  if ((parent.type === 'DOCUMENT') !== (child.type === 'PAGE')) {
    throw figmaError(
      operation,
      parent.type === 'DOCUMENT'
        ? 'Only pages can be children of the document'
        : 'Pages can only be children of the document',
    );
  }
  if (parent.type === 'COMPONENT_SET' && child.type !== 'COMPONENT') {
    throw figmaError(operation, 'Component sets can only contain components');
  }
  for (let n: NodeDouble | null = parent; n; n = n.$parent) {
    if (n === child) throw figmaError(operation, 'Cannot move a node inside itself or one of its descendants');
  }
  if (parent.type === 'INSTANCE' || isInsideInstance(parent)) {
    throw figmaError(operation, 'Cannot move node. New parent is an instance or is inside of an instance');
  }
  if (isInsideInstance(child)) throw figmaError(operation, 'Cannot move node. The node is inside an instance');
  if (index !== null && (!Number.isInteger(index) || index < 0)) {
    throw figmaError(operation, `Index ${index} is not a valid child index`);
  }
  const sameParent = child.$parent === parent;
  if (!sameParent && index !== null && index > list.length) {
    throw figmaError(operation, `Index ${index} is out of range: the parent has ${list.length} children`);
  }
  const oldPage = pageOf(child);
  detach(child);
  const at = index === null ? list.length : Math.min(index, list.length);
  list.splice(at, 0, child);
  child.$parent = parent;
  const newPage = pageOf(parent);
  if (oldPage && oldPage !== newPage) dropFromSelection(oldPage, new Set(subtree(child)));
  ctx.changed();
}

/** Removes a node and its subtree. An emptied group removes itself, as in Figma. */
export function removeNode(node: NodeDouble, operation: string): void {
  const ctx = node.$ctx;
  ctx.assertOpen(operation);
  if (node.$removed) throw removedNodeError(operation, node.id);
  if (node.type === 'DOCUMENT') throw figmaError(operation, 'The document cannot be removed');
  if (isInsideInstance(node)) throw figmaError(operation, 'Cannot remove a node inside an instance');
  if (node.type === 'PAGE') {
    const pages = ctx.root.$children ?? [];
    if (pages.length <= 1) throw figmaError(operation, 'Cannot remove the last page of a document');
    if (node === ctx.currentPage) throw figmaError(operation, 'Cannot remove the current page');
  }
  const page = pageOf(node);
  const gone = subtree(node);
  detach(node);
  for (const n of gone) n.$removed = true;
  if (page) dropFromSelection(page, new Set(gone));
  ctx.changed();
}

/** Takes a node out of its parent's children (removing a group it leaves empty). */
function detach(node: NodeDouble): void {
  const parent = node.$parent;
  if (!parent?.$children) return;
  const at = parent.$children.indexOf(node);
  if (at >= 0) parent.$children.splice(at, 1);
  node.$parent = null;
  // Figma deletes a group, or a component set, that loses its last child.
  if (
    (parent.type === 'GROUP' || parent.type === 'COMPONENT_SET') &&
    parent.$children.length === 0 &&
    !parent.$removed
  ) {
    const page = pageOf(parent);
    detach(parent);
    parent.$removed = true;
    if (page) dropFromSelection(page, new Set([parent]));
  }
}

/** Removes nodes from a page's selection, firing `selectionchange` when it was the current page's. */
export function dropFromSelection(page: PageDouble, nodes: ReadonlySet<NodeDouble>): void {
  const kept = page.$selection.filter((n) => !nodes.has(n));
  if (kept.length === page.$selection.length) return;
  page.$selection = kept;
  if (page === page.$ctx.currentPage) page.$ctx.events.emitLater('selectionchange');
}

/** The node and all its descendants, depth first, the node first. */
export function subtree(node: NodeDouble): NodeDouble[] {
  const out: NodeDouble[] = [];
  const walk = (n: NodeDouble): void => {
    out.push(n);
    for (const c of n.$children ?? []) walk(c);
  };
  walk(node);
  return out;
}

/** Descendants in document order (depth first), without the node itself. */
export function descendants(node: NodeDouble): NodeDouble[] {
  return subtree(node).slice(1);
}

/** `findAll`: descendants that match (all when no callback). */
export function findAll<T>(
  container: NodeDouble,
  callback: ((node: T) => boolean) | undefined,
  operation: string,
): T[] {
  assertLoaded(container, operation);
  if (callback !== undefined && typeof callback !== 'function') throw figmaError(operation, 'Expected a function');
  const found = descendants(container).map((n) => expose<T>(n));
  return callback ? found.filter((n) => callback(n)) : found;
}

/** `findOne`: the first descendant that matches, or null. */
export function findOne<T>(container: NodeDouble, callback: (node: T) => boolean, operation: string): T | null {
  assertLoaded(container, operation);
  if (typeof callback !== 'function') throw figmaError(operation, 'Expected a function');
  for (const n of descendants(container)) if (callback(expose<T>(n))) return expose<T>(n);
  return null;
}

/** `findChildren` / `findChild` over direct children. */
export function findChildren<T>(
  container: NodeDouble,
  callback: ((node: T) => boolean) | undefined,
  operation: string,
): T[] {
  const children = childrenOf<T>(container, operation);
  return callback ? children.filter((n) => callback(n)) : [...children];
}

/** `findAllWithCriteria` (`FindAllCriteria`): by types, by our plugin data keys, by shared plugin data. */
export function findAllWithCriteria<R>(
  container: NodeDouble,
  criteria: FindAllCriteria<NodeType[]>,
  operation: string,
): R[] {
  assertLoaded(container, operation);
  if (typeof criteria !== 'object' || criteria === null) throw figmaError(operation, 'Expected a criteria object');
  const types = criteria.types ? new Set<string>(criteria.types) : null;
  const matches = (n: NodeDouble): boolean => {
    if (types && !types.has(n.type)) return false;
    if (criteria.pluginData) {
      const keys = Object.keys(n.$state.pluginData);
      const wanted = criteria.pluginData.keys;
      if (wanted ? !wanted.some((k) => keys.includes(k)) : keys.length === 0) return false;
    }
    if (criteria.sharedPluginData) {
      const keys = Object.keys(n.$state.sharedPluginData[criteria.sharedPluginData.namespace] ?? {});
      const wanted = criteria.sharedPluginData.keys;
      if (wanted ? !wanted.some((k) => keys.includes(k)) : keys.length === 0) return false;
    }
    return true;
  };
  return descendants(container)
    .filter(matches)
    .map((n) => expose<R>(n));
}
