/**
 * Tells the panel when the history of the current page may have changed, so a shown History follows ⌘Z, a
 * duplicate, a deleted result or a teammate's new turn. It listens to `PageNode.on('nodechange')`, which Figma
 * recommends under dynamic-page instead of `documentchange` (that one needs every page loaded; figma-api.md §2),
 * and moves to the new page when the current page changes.
 */
import { TURN_RECORD_KEY } from '../core/turn-record.js';
import type { PluginApiSubset } from './figma-port.js';

/** Starts watching; returns the function that stops it. */
export function watchHistory(
  figma: Pick<PluginApiSubset, 'on' | 'off' | 'currentPage'>,
  notify: () => void,
): () => void {
  let page: PageNode | null = null;
  const onNodeChange = (event: NodeChangeEvent): void => {
    if (event.nodeChanges.some(affectsHistory)) notify();
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
