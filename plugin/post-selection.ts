/**
 * Tells the panel what is selected: plain snapshots first, then a small thumbnail of the first layer as its own
 * message (one image per message, figma-api.md §0.8), so the card appears at once and the picture follows.
 */
import { thumbnailConstraint } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import { MAX_SNAPSHOTS } from '../core/messages.js';
import type { HandlerContext } from './handler-context.js';
import { snapshotNode } from './snapshot-node.js';

/** Posts SELECTION_CHANGED, then THUMBNAIL for the first selected layer when it can be exported. */
export async function postSelectionAsync({ figma, post }: Pick<HandlerContext, 'figma' | 'post'>): Promise<void> {
  const selection = figma.currentPage.selection;
  post({
    type: 'SELECTION_CHANGED',
    nodes: selection.slice(0, MAX_SNAPSHOTS).map(snapshotNode),
    count: selection.length,
  });
  const first = selection[0];
  if (!first || !(first.width > 0 && first.height > 0)) return;
  let bytes: Uint8Array;
  try {
    bytes = await first.exportAsync({
      format: 'PNG',
      constraint: thumbnailConstraint(first.width, first.height),
      useAbsoluteBounds: true,
      colorProfile: 'SRGB',
    });
  } catch {
    // A thumbnail is a courtesy: a layer Figma cannot export (an empty group, say) just shows without one.
    return;
  }
  const header = readImageHeader(bytes);
  if (!header || header.width > 4096 || header.height > 4096) return;
  post({ type: 'THUMBNAIL', nodeId: first.id, bytes, width: header.width, height: header.height });
}
