/**
 * Exports the layer being edited at its export scale, through plugin/export-png.ts: PNG, absolute bounds (so the bitmap
 * lines up with the layer's box), sRGB, `SCALE` constraint (so the region mask can use the very same grid), never over
 * 4096 a side (docs/figma-platform.md#images-at-most-4096-px). When text layers (Keep text editable) or layers inside
 * it (a region's shape drawn in the frame) must not show, they are hidden on a temporary copy that is removed at once,
 * also on failure: the person's layers are never changed.
 */
import type { ExportedImage } from '../core/messages.js';
import { fail, type Result } from '../core/result.js';
import { TURN_RECORD_KEY } from '../core/turn-record.js';
import { exportPngAsync, gridConstraint, noAreaError } from './export-png.js';
import type { SandboxFigma } from './sandbox-figma.js';

export interface ExportSourceOptions {
  /** Pixels per point wanted; capped so the longest side stays within 4096. */
  scale: number;
  /** Hide every text layer inside the layer (on the copy). */
  hideText: boolean;
  /** Layers inside it to hide (on the copy); ids of other layers are ignored, as export draws only the subtree. */
  hideNodeIds: readonly string[];
  /** Hears the id of the temporary copy, before it reaches the page (plugin/history-index.ts `markTemporary`). */
  markTemporary(nodeId: string): void;
}

/** The layer's pixels as the base of an edit, or an error a person can act on. */
export async function exportSourceAsync(
  figma: Pick<SandboxFigma, 'currentPage'>,
  node: SceneNode,
  options: ExportSourceOptions,
): Promise<Result<ExportedImage>> {
  const box = node.absoluteBoundingBox;
  if (!box || !(node.width > 0 && node.height > 0 && box.width > 0 && box.height > 0)) return fail(noAreaError(node));
  const grid = gridConstraint(box, options.scale);
  const hide = new Set(options.hideNodeIds);
  const hides = (n: SceneNode): boolean => hide.has(n.id) || (options.hideText && n.type === 'TEXT');
  const needsCopy = 'findOne' in node && node.findOne(hides) !== null;
  return needsCopy
    ? withTemporaryCopyAsync(figma, node, hides, options.markTemporary, (copy) => exportPngAsync(copy, grid, node.id))
    : exportPngAsync(node, grid);
}

/**
 * Runs `use` on a temporary copy of `node` in which the layers `hides` picks are hidden. The copy goes straight to
 * the page at the node's place (out of any auto-layout parent it was cloned into) and is removed in `finally`.
 */
async function withTemporaryCopyAsync<T>(
  figma: Pick<SandboxFigma, 'currentPage'>,
  node: SceneNode,
  hides: (n: SceneNode) => boolean,
  markTemporary: (nodeId: string) => void,
  use: (copy: SceneNode) => Promise<T>,
): Promise<T> {
  const copy = node.clone();
  markTemporary(copy.id);
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
