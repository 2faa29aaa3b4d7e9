/**
 * Tells the panel when the history of the current page may have changed, so a shown History follows ⌘Z, a
 * duplicate, a deleted result or a teammate's new turn. It listens to `PageNode.on('nodechange')`, which Figma
 * recommends under dynamic-page instead of `documentchange` (that one needs every page loaded;
 * docs/figma-platform.md#dynamic-page-loading),
 * and moves to the new page when the current page changes.
 */
import { TURN_RECORD_KEY } from '../core/turn-record.js';
import type { SandboxFigma } from './sandbox-figma.js';

/**
 * Starts watching; returns the function that stops it. `onSelectionEdited` (optional) hears when a selected layer's
 * look changed in place (its fills, opacity, rotation…, or a layer added inside it): the selection is the same, so
 * Figma sends no `selectionchange`, but what the panel knows of it (its image hash, for live replay) is stale.
 * Changes to layers `isTemporary` names (the sandbox's own export copies: plugin/history-index.ts) are not history.
 */
export function watchHistory(
  figma: Pick<SandboxFigma, 'on' | 'off' | 'currentPage'>,
  notify: () => void,
  onSelectionEdited?: () => void,
  isTemporary: (nodeId: string) => boolean = () => false,
): () => void {
  let page: PageNode | null = null;
  const onNodeChange = (event: NodeChangeEvent): void => {
    if (event.nodeChanges.some((change) => !isTemporary(change.node.id) && affectsHistory(change))) notify();
    if (onSelectionEdited && event.nodeChanges.some((change) => editsSelected(change, figma.currentPage))) {
      onSelectionEdited();
    }
  };
  const follow = (): void => {
    if (page && !page.removed) page.off('nodechange', onNodeChange);
    page = figma.currentPage;
    page.on('nodechange', onNodeChange);
  };
  const onPageChange = (): void => {
    follow();
    notify();
  };
  follow();
  figma.on('currentpagechange', onPageChange);
  return () => {
    figma.off('currentpagechange', onPageChange);
    if (page && !page.removed) page.off('nodechange', onNodeChange);
    page = null;
  };
}

/** Properties whose change alters what a layer shows (not where it is or what it is called). */
const LOOK: ReadonlySet<string> = new Set(['fills', 'opacity', 'rotation', 'effects', 'blendMode', 'visible']);

/** Properties of a text layer that the prompt's text context reads (core/text-context.ts): its words and size. */
const TEXT_CONTEXT: ReadonlySet<string> = new Set(['characters', 'fontSize', 'fontName', 'visible']);

/** Whether `node` lies inside a layer `isSelected` says is selected. */
function insideSelected(node: BaseNode, isSelected: (id: string) => boolean): boolean {
  for (let parent = node.parent; parent && parent.type !== 'PAGE'; parent = parent.parent) {
    if (isSelected(parent.id)) return true;
  }
  return false;
}

/**
 * A change to the look of a selected layer, a layer added directly inside one, or a change to the words of a text
 * layer inside one (the prompt's text context is read from the snapshot, so it must not go stale). The selection is
 * read only for a change that could matter, so moving a layer (a stream of x and y changes) costs nothing.
 */
function editsSelected(change: NodeChange, page: PageNode): boolean {
  const isSelected = (id: string) => page.selection.some((node) => node.id === id);
  if (change.type === 'PROPERTY_CHANGE') {
    if (change.properties.some((property) => LOOK.has(property)) && isSelected(change.node.id)) return true;
    const node = change.node;
    return (
      node.type === 'TEXT' &&
      !node.removed &&
      change.properties.some((property) => TEXT_CONTEXT.has(property)) &&
      insideSelected(node, isSelected)
    );
  }
  if (change.type === 'CREATE') {
    const node = change.node;
    return !node.removed && node.parent !== null && isSelected(node.parent.id);
  }
  return false;
}

/**
 * A removed layer may have been a result (a removed node can no longer be read), an added one counts when it or
 * something inside it carries a record (a duplicate, an undone delete), and a change counts when plugin data
 * changed. Moves, renames and the like leave the history as it was.
 */
function affectsHistory(change: NodeChange): boolean {
  switch (change.type) {
    case 'DELETE':
      return true;
    case 'CREATE': {
      const node = change.node;
      if (node.removed) return true;
      if (node.getPluginData(TURN_RECORD_KEY) !== '') return true;
      return 'findOne' in node && node.findOne((n) => n.getPluginData(TURN_RECORD_KEY) !== '') !== null;
    }
    case 'PROPERTY_CHANGE':
      return change.properties.includes('pluginData');
  }
}
