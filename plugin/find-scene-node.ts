/**
 * Looks a layer up again by the id the panel sent back (ids cross, nodes don't:
 * docs/contributing.md#plain-snapshots-cross-never-nodes). A layer that is gone, or no longer on the current page, is a
 * `stale_node` error value, never a crash.
 */
import { appError } from '../core/errors.js';
import { fail, ok, type Result } from '../core/result.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** The scene node with that id on the current page, or `stale_node`. Uses the async lookup dynamic-page needs. */
export async function findSceneNodeAsync(
  figma: Pick<SandboxFigma, 'getNodeByIdAsync' | 'currentPage'>,
  id: string,
): Promise<Result<SceneNode>> {
  const node = await figma.getNodeByIdAsync(id);
  if (!node || node.removed || !isSceneNode(node)) return fail(appError('stale_node'));
  if (pageOf(node)?.id !== figma.currentPage.id) return fail(appError('stale_node'));
  return ok(node);
}

function isSceneNode(node: BaseNode): node is SceneNode {
  return node.type !== 'DOCUMENT' && node.type !== 'PAGE';
}

/** The page a node is on, or null when it is detached. */
export function pageOf(node: BaseNode): PageNode | null {
  let current: BaseNode | null = node;
  while (current && current.type !== 'PAGE') current = current.parent;
  return current;
}
