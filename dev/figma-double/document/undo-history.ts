/**
 * `figma.commitUndo()` / `figma.triggerUndo()` (docs/figma-platform.md#undo): "Reverts to the last commitUndo() state."
 * Snapshots of the document are taken at each commit; undo puts the nodes back as they were (the same node objects, so
 * references the plugin holds stay valid; nodes made since then become `removed`). With no change since the last
 * commit, undo steps back one more commit, which is what ⌘Z after an applied turn does. Selection is not undone but
 * loses nodes that no longer exist. Images are never undone (the store only grows).
 */
import type { BaseProps, NodeDouble } from '../nodes/node-double.js';
import type { PageDouble } from '../nodes/page-double.js';
import { pageOf, subtree } from '../nodes/tree.js';
import type { DoubleContext } from './context.js';

interface NodeSnapshot {
  state: BaseProps;
  parentId: string | null;
  childIds: string[] | null;
}

interface Checkpoint {
  revision: number;
  nodes: Map<string, NodeSnapshot>;
  currentPageId: string;
}

/** The undo stack of one double. */
export class UndoHistory {
  private checkpoints: Checkpoint[] = [];
  /** How many times the plugin called `commitUndo`. */
  commits = 0;
  /** How many times `triggerUndo` changed the document. */
  undos = 0;

  constructor(private readonly ctx: DoubleContext) {}

  /** Forgets all history; the document as it is becomes the oldest state (as when a file is opened). */
  reset(): void {
    this.checkpoints = [this.take()];
  }

  /** A checkpoint; `byPlugin: false` for the user's own edits (not counted in `commits`). */
  commit(byPlugin = true): void {
    if (byPlugin) this.commits++;
    const top = this.checkpoints[this.checkpoints.length - 1];
    if (top && top.revision === this.ctx.revision) return; // nothing changed: no new step
    this.checkpoints.push(this.take());
  }

  /** Reverts to the last checkpoint; true when something was undone. */
  trigger(): boolean {
    let top = this.checkpoints[this.checkpoints.length - 1];
    if (!top) return false;
    if (top.revision === this.ctx.revision) {
      if (this.checkpoints.length < 2) return false;
      this.checkpoints.pop();
      top = this.checkpoints[this.checkpoints.length - 1]!;
    }
    this.restore(top);
    top.revision = this.ctx.revision;
    this.ctx.nodeChanges.schedule();
    this.ctx.poke();
    this.undos++;
    return true;
  }

  private take(): Checkpoint {
    const nodes = new Map<string, NodeSnapshot>();
    for (const node of subtree(this.ctx.root)) {
      nodes.set(node.id, {
        state: node.$state,
        parentId: node.$parent?.id ?? null,
        childIds: node.$children ? node.$children.map((c) => c.id) : null,
      });
    }
    return { revision: this.ctx.revision, nodes, currentPageId: this.ctx.currentPage.id };
  }

  private restore(cp: Checkpoint): void {
    const { registry } = this.ctx;
    for (const node of registry.values()) {
      const snap = cp.nodes.get(node.id);
      if (!snap) {
        node.$removed = true;
        node.$parent = null;
        if (node.$children) node.$children = [];
        continue;
      }
      node.$state = snap.state;
      node.$removed = false;
      node.$parent = snap.parentId ? (registry.get(snap.parentId) ?? null) : null;
      if (snap.childIds) node.$children = snap.childIds.map((id) => registry.get(id)!);
    }
    if (this.ctx.currentPage.$removed) {
      this.ctx.currentPage = registry.get(cp.currentPageId) as PageDouble;
      this.ctx.events.emitLater('currentpagechange');
    }
    for (const page of this.ctx.root.$children ?? []) {
      const p = page as PageDouble;
      const kept = p.$selection.filter((n: NodeDouble) => !n.$removed && pageOf(n) === p);
      if (kept.length !== p.$selection.length) {
        p.$selection = kept;
        if (p === this.ctx.currentPage) this.ctx.events.emitLater('selectionchange');
      }
    }
  }
}
