/**
 * Tells the panel what is selected: plain snapshots first, then a small thumbnail of the first layer as its own message
 * (one image per message, docs/figma-platform.md#little-memory-in-the-sandbox), so the card appears at once and the
 * picture follows.
 */
import { thumbnailConstraint } from '../core/export-plan.js';
import { MAX_SNAPSHOTS, type ExportedImage } from '../core/messages.js';
import type { Result } from '../core/result.js';
import { exportPngAsync } from './export-png.js';
import type { HandlerContext } from './handler-context.js';
import { findRegionHost } from './find-region-host.js';
import { snapshotNode } from './snapshot-node.js';

/**
 * Posts SELECTION_CHANGED, then THUMBNAIL for the first selected layer when it can be exported. A shape selected
 * alone over a frame or image layer comes with that layer as its `regionHost`, and the thumbnail is of the host.
 */
export async function postSelectionAsync({ figma, post }: Pick<HandlerContext, 'figma' | 'post'>): Promise<void> {
  const selection = figma.currentPage.selection;
  const host = selection.length === 1 ? findRegionHost(figma.currentPage, selection[0]!) : null;
  post({
    type: 'SELECTION_CHANGED',
    nodes: selection.slice(0, MAX_SNAPSHOTS).map(snapshotNode),
    count: selection.length,
    ...(host ? { regionHost: snapshotNode(host) } : {}),
  });
  const first = host ?? selection[0];
  if (!first) return;
  let png: Result<ExportedImage>;
  try {
    png = await exportPngAsync(first, thumbnailConstraint(first.width, first.height));
  } catch {
    // A thumbnail is a courtesy: a layer Figma cannot export (an empty group, say) just shows without one.
    return;
  }
  // Nor does a layer with no area, or an export that is not a PNG within Figma's size.
  if (png.ok) post({ type: 'THUMBNAIL', ...png.value });
}
