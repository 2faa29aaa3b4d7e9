/**
 * Reads the turn records of the current page: every layer carrying our plugin-data key, found with
 * `findAllWithCriteria` on the page (fast, and allowed under dynamic-page without loading other pages;
 * docs/figma-platform.md#plugin-data), each record parsed, a damaged one reported with its reason instead of throwing.
 */
import type { HistoryEntry } from '../core/history-graph.js';
import { MAX_HISTORY_ENTRIES, type HistorySnapshot } from '../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY } from '../core/turn-record.js';
import type { SandboxFigma } from './sandbox-figma.js';
import { pageOf } from './find-scene-node.js';

/** The result layers of the current page, in page order. */
export function readHistoryEntries(page: PageNode): HistoryEntry[] {
  const layers = page.findAllWithCriteria({ pluginData: { keys: [TURN_RECORD_KEY] } });
  const entries: HistoryEntry[] = [];
  for (const node of layers.slice(0, MAX_HISTORY_ENTRIES)) {
    const parsed = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
    if (!parsed.ok) entries.push({ nodeId: node.id, name: node.name, damaged: parsed.error.message });
    else if (parsed.value) entries.push({ nodeId: node.id, name: node.name, record: parsed.value });
  }
  return entries;
}

/**
 * The page's history (`entries`, as {@link readHistoryEntries} read them), plus the layers its first turns were made
 * from, when they are still on the page.
 */
export async function readHistoryAsync(
  figma: Pick<SandboxFigma, 'currentPage' | 'getNodeByIdAsync'>,
  entries: readonly HistoryEntry[],
): Promise<HistorySnapshot> {
  const page = figma.currentPage;
  const results = new Set(entries.map((e) => e.nodeId));
  const sourceIds = new Set<string>();
  for (const entry of entries) {
    if (!('record' in entry)) continue;
    const { parentId, sourceNodeId } = entry.record;
    if (parentId === null && sourceNodeId !== null && !results.has(sourceNodeId)) sourceIds.add(sourceNodeId);
  }
  const sources: HistorySnapshot['sources'] = [];
  for (const id of [...sourceIds].slice(0, MAX_HISTORY_ENTRIES)) {
    const node = await figma.getNodeByIdAsync(id);
    if (node && !node.removed && node.type !== 'PAGE' && node.type !== 'DOCUMENT' && pageOf(node)?.id === page.id) {
      sources.push({ nodeId: node.id, name: node.name });
    }
  }
  return { pageId: page.id, entries: [...entries], sources };
}
