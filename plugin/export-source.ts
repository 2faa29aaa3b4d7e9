/**
 * Exports the layer being edited at its export scale (issue 7): PNG, absolute bounds (so the bitmap lines up with the
 * layer's box), sRGB, `SCALE` constraint (so the region mask can use the very same grid), never over 4096 a side
 * (figma-api.md §0.3). When text layers (Keep text editable) or layers inside it (a region's shape drawn in the frame)
 * must not show, they are hidden on a temporary copy that is removed at once, also on failure: the person's layers
 * are never changed.
 */
import { appError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import type { ExportedImage } from '../core/messages.js';
import { fail, ok, type Result } from '../core/result.js';
import { TURN_RECORD_KEY } from '../core/turn-record.js';
import type { PluginApiSubset } from './figma-port.js';

export interface ExportSourceOptions {
  /** Pixels per point wanted; capped so the longest side stays within 4096. */
  scale: number;
  /** Hide every text layer inside the layer (on the copy). */
  hideText: boolean;
  /** Layers inside it to hide (on the copy); ids of other layers are ignored, as export draws only the subtree. */
  hideNodeIds: readonly string[];
}

/** The scale to export `box` at: `scale`, or less when that would pass 4096 px a side. */
export function cappedExportScale(box: { width: number; height: number }, scale: number): number {
  return Math.min(scale, MAX_FIGMA_IMAGE_SIDE / Math.max(box.width, box.height));
}

/** The export settings every regional-edit and source export uses, so their pixel grids agree. */
export function gridExportSettings(scale: number): ExportSettingsImage {
  return { format: 'PNG', constraint: { type: 'SCALE', value: scale }, useAbsoluteBounds: true, colorProfile: 'SRGB' };
}

/** The layer's pixels as the base of an edit, or an error a person can act on. */
export async function exportSourceAsync(
  figma: Pick<PluginApiSubset, 'currentPage'>,
  node: SceneNode,
  options: ExportSourceOptions,
): Promise<Result<ExportedImage>> {
  const box = node.absoluteBoundingBox;
  if (!box || !(node.width > 0 && node.height > 0 && box.width > 0 && box.height > 0)) {
    return fail(appError('bad_request', `"${node.name}" has no width or height, so there is nothing to edit.`));
  }
  const settings = gridExportSettings(cappedExportScale(box, options.scale));
  const hide = new Set(options.hideNodeIds);
  const hides = (n: SceneNode): boolean => hide.has(n.id) || (options.hideText && n.type === 'TEXT');
  const needsCopy = 'findOne' in node && node.findOne(hides) !== null;
  const bytes = needsCopy
    ? await withTemporaryCopyAsync(figma, node, hides, (copy) => copy.exportAsync(settings))
    : await node.exportAsync(settings);
  return checkedPng(node.id, bytes);
}

/** The bytes as an {@link ExportedImage}, or an error when they are not a PNG Figma could take back. */
export function checkedPng(nodeId: string, bytes: Uint8Array): Result<ExportedImage> {
  const header = readImageHeader(bytes);
  if (!header || header.mimeType !== 'image/png') {
    return fail(appError('unsupported_image', 'Figma did not return a PNG for this layer. Try again.'));
  }
  if (header.width > MAX_FIGMA_IMAGE_SIDE || header.height > MAX_FIGMA_IMAGE_SIDE) {
    return fail(appError('image_too_large'));
  }
  return ok({ nodeId, bytes, width: header.width, height: header.height });
}

/**
 * Runs `use` on a temporary copy of `node` in which the layers `hides` picks are hidden. The copy goes straight to
 * the page at the node's place (out of any auto-layout parent it was cloned into) and is removed in `finally`.
 */
async function withTemporaryCopyAsync<T>(
  figma: Pick<PluginApiSubset, 'currentPage'>,
  node: SceneNode,
  hides: (n: SceneNode) => boolean,
  use: (copy: SceneNode) => Promise<T>,
): Promise<T> {
  const copy = node.clone();
  try {
    // Not a result while it lives: the History must never list the copy (plugin data travels with clones).
    forgetTurns(copy);
    figma.currentPage.appendChild(copy);
    // On the page, relative is absolute: the copy keeps the node's place and rotation.
    copy.relativeTransform = node.absoluteTransform;
    hideMatching(node, copy, hides);
    return await use(copy);
  } finally {
    if (!copy.removed) copy.remove();
  }
}

/** Clears every turn record in `copy` (its own and its layers'). */
function forgetTurns(copy: SceneNode): void {
  if (copy.getPluginData(TURN_RECORD_KEY) !== '') copy.setPluginData(TURN_RECORD_KEY, '');
  if (!('findAllWithCriteria' in copy)) return;
  for (const layer of copy.findAllWithCriteria({ pluginData: { keys: [TURN_RECORD_KEY] } })) {
    layer.setPluginData(TURN_RECORD_KEY, '');
  }
}

/** Hides, in `copy`, the layers matching `hides` in `original` (a copy keeps its original's tree, child by child). */
function hideMatching(original: SceneNode, copy: SceneNode, hides: (n: SceneNode) => boolean): void {
  if (!('children' in original) || !('children' in copy)) return;
  original.children.forEach((child, i) => {
    const twin = copy.children[i];
    if (!twin) return;
    if (hides(child)) twin.visible = false;
    else hideMatching(child, twin, hides);
  });
}
