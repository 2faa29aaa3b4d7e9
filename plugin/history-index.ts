/**
 * The current page's turn records, read from the page once per change rather than once per question. Reading them
 * means finding every layer with a record and parsing each (up to 2,000), and a turn asks three times: the panel's
 * History, the placement of the result beside its source, and the History again once the result is placed. The
 * index keeps what it read until something that may hold a record changes: `watchHistory` (plugin/watch-history.ts)
 * hears every such change on the page, a teammate's and an undo's included, and the sandbox's own writes of a record
 * say so at once, before Figma's change event arrives.
 *
 * The layers the sandbox makes for a moment and removes itself (an export's copy with its text hidden, a region's
 * mask frame) are not history: their comings and goings are marked temporary, so they neither empty the index nor
 * tell the panel to read the History again in the middle of a turn.
 */
import type { HistoryEntry } from '../core/history-graph.js';
import { readHistoryEntries } from './read-history.js';
import type { SandboxFigma } from './sandbox-figma.js';

export interface HistoryIndex {
  /** The current page's result layers in page order, read again only after a change or on another page. */
  entries(): readonly HistoryEntry[];
  /** A layer that may carry a record was made, changed or removed: the next question reads the page again. */
  invalidate(): void;
  /** `nodeId` is a layer the sandbox makes and removes itself: its changes are not the history's. */
  markTemporary(nodeId: string): void;
  /** Whether `nodeId` was marked temporary. */
  isTemporary(nodeId: string): boolean;
}

/** Temporary layers remembered at most; each lives for one export, so only a few are ever still to be heard of. */
const MAX_TEMPORARY = 256;

export function createHistoryIndex(figma: Pick<SandboxFigma, 'currentPage'>): HistoryIndex {
  let read: { pageId: string; entries: readonly HistoryEntry[] } | null = null;
  // In the order they were made, so the oldest is forgotten first (a Set iterates in insertion order).
  const temporary = new Set<string>();
  return {
    entries() {
      const page = figma.currentPage;
      if (read?.pageId !== page.id) read = { pageId: page.id, entries: readHistoryEntries(page) };
      return read.entries;
    },
    invalidate() {
      read = null;
    },
    markTemporary(nodeId) {
      temporary.add(nodeId);
      if (temporary.size > MAX_TEMPORARY) temporary.delete(temporary.values().next().value!);
    },
    isTemporary: (nodeId) => temporary.has(nodeId),
  };
}
