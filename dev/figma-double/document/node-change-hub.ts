/**
 * `PageNode.on('nodechange')`: "emitted when a node on the page is added, removed, or updated", with a `NodeChangeEvent
 * { nodeChanges }` of CREATE, DELETE and PROPERTY_CHANGE changes (docs/figma-platform.md#events). It is what Figma
 * recommends instead of `documentchange` under dynamic-page (docs/figma-platform.md#dynamic-page-loading).
 *
 * The double finds changes by comparing the page with what it was at the last delivery: node states are immutable
 * values (nodes/node-double.ts), so a changed field is a different object. That covers every way the document
 * changes (the plugin, the user, undo, loading a file) without hooking each one. As Figma documents:
 * - a subtree added or removed is one CREATE or DELETE, for its highest node only;
 * - callbacks run asynchronously, once per burst of changes;
 * - a node removed since the change arrives as a `RemovedNode` (`{ id, type, removed: true }`);
 * - every change is `origin: 'LOCAL'` (the double has one person in the file).
 * Properties are reported by Figma's names (`NodeChangeProperty`): the double's `transform` is `x`, `y` and
 * `relativeTransform`, shared plugin data counts as `pluginData`, and state Figma does not report (relaunch data)
 * is left out.
 */
import type { NodeDouble } from '../nodes/node-double.js';
import { expose } from '../nodes/node-double.js';
import type { PageDouble } from '../nodes/page-double.js';
import { subtree } from '../nodes/tree.js';
import type { DoubleContext } from './context.js';

type Callback = (event: NodeChangeEvent) => void;

interface Seen {
  node: NodeDouble;
  state: object;
  parentId: string | null;
}

interface Watch {
  listeners: { callback: Callback; once: boolean }[];
  seen: Map<string, Seen>;
}

/** How the double's state fields are reported as `NodeChangeProperty`; null for fields Figma does not report. */
const PROPERTY_NAMES: Record<string, readonly NodeChangeProperty[] | null> = {
  transform: ['x', 'y', 'relativeTransform'],
  sharedPluginData: ['pluginData'],
  relaunchData: null,
  mainComponentId: null,
};

/** The `nodechange` listeners of every page of one double. */
export class NodeChangeHub {
  private readonly watches = new Map<PageDouble, Watch>();
  private queued = false;

  constructor(private readonly ctx: DoubleContext) {}

  add(page: PageDouble, callback: Callback, once: boolean): void {
    let watch = this.watches.get(page);
    if (!watch) {
      watch = { listeners: [], seen: snapshot(page) };
      this.watches.set(page, watch);
    }
    watch.listeners.push({ callback, once });
  }

  remove(page: PageDouble, callback: Callback): void {
    const watch = this.watches.get(page);
    if (!watch) return;
    const index = watch.listeners.findIndex((l) => l.callback === callback);
    if (index >= 0) watch.listeners.splice(index, 1);
    if (watch.listeners.length === 0) this.watches.delete(page);
  }

  /** Listeners on a page (test helper). */
  count(page: PageDouble): number {
    return this.watches.get(page)?.listeners.length ?? 0;
  }

  /** Something may have changed: compare and deliver on a later task, once per burst. */
  schedule(): void {
    if (this.watches.size === 0 || this.queued) return;
    this.queued = true;
    this.ctx.scheduler.later(() => {
      this.queued = false;
      this.deliver();
    });
  }

  /** Drops every listener (after the plugin closes). */
  clear(): void {
    this.watches.clear();
  }

  private deliver(): void {
    for (const [page, watch] of [...this.watches]) {
      if (page.$removed) {
        this.watches.delete(page);
        continue;
      }
      const now = snapshot(page);
      const changes = diff(watch.seen, now);
      watch.seen = now;
      if (changes.length === 0) continue;
      for (const listener of [...watch.listeners]) {
        if (listener.once) this.remove(page, listener.callback);
        listener.callback({ nodeChanges: changes });
      }
    }
  }
}

function snapshot(page: PageDouble): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  for (const node of subtree(page).slice(1)) {
    seen.set(node.id, { node, state: node.$state, parentId: node.$parent?.id ?? null });
  }
  return seen;
}

function diff(before: ReadonlyMap<string, Seen>, after: ReadonlyMap<string, Seen>): NodeChange[] {
  const changes: NodeChange[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      if (now.parentId === null || !after.has(now.parentId) || before.has(now.parentId)) {
        changes.push({ type: 'CREATE', id, origin: 'LOCAL', node: nodeOf(now.node) });
      }
      continue;
    }
    const properties = changedProperties(was, now);
    if (properties.length > 0) {
      changes.push({ type: 'PROPERTY_CHANGE', id, origin: 'LOCAL', node: nodeOf(now.node), properties });
    }
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    if (was.parentId !== null && before.has(was.parentId) && !after.has(was.parentId)) continue;
    changes.push({ type: 'DELETE', id, origin: 'LOCAL', node: nodeOf(was.node) });
  }
  return changes;
}

function changedProperties(was: Seen, now: Seen): NodeChangeProperty[] {
  const properties = new Set<NodeChangeProperty>();
  if (was.parentId !== now.parentId) properties.add('parent');
  const a = was.state as Record<string, unknown>;
  const b = now.state as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] === b[key]) continue;
    const names = key in PROPERTY_NAMES ? PROPERTY_NAMES[key] : [key as NodeChangeProperty];
    for (const name of names ?? []) properties.add(name);
  }
  return [...properties];
}

/** The node as a change carries it: the live node, or a `RemovedNode` once it has gone. */
function nodeOf(node: NodeDouble): SceneNode | RemovedNode {
  if (node.$removed) return { id: node.id, type: node.type, removed: true };
  return expose<SceneNode>(node);
}
