/**
 * The source of a result, looked up again when its answer is placed. A paid answer is never thrown away
 * (docs/contributing.md#what-every-change-keeps-true): when the source has been deleted while Gemini worked, and the
 * panel sent where it was at the press, the result goes there instead of failing.
 */
import type { UiMessageOf } from '../core/messages.js';
import { ok, type Result } from '../core/result.js';
import { findSceneNodeAsync, pageOf } from './find-scene-node.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** The source as the press saw it: its name and box on the page. */
export type PressedSource = NonNullable<UiMessageOf<'PLACE_RESULT'>['pressedSource']>;

/** What a result's source turned out to be: none (text-to-image), the layer, or gone with its old spot. */
export type FoundSource =
  { kind: 'none' } | { kind: 'layer'; node: SceneNode } | { kind: 'deleted'; pressed: PressedSource };

/**
 * Finds the source of `message`. A source that no longer exists (deleted, or detached from every page) with a
 * `pressedSource` is `deleted`; one that exists elsewhere (on another page) is still `stale_node`, since the layer
 * is there and placing the result on this page at its box would be wrong.
 */
export async function findSourceAsync(
  figma: Pick<SandboxFigma, 'getNodeByIdAsync' | 'currentPage'>,
  message: Pick<UiMessageOf<'PLACE_RESULT'>, 'sourceNodeId' | 'pressedSource'>,
): Promise<Result<FoundSource>> {
  if (message.sourceNodeId === null) return ok({ kind: 'none' });
  const found = await findSceneNodeAsync(figma, message.sourceNodeId);
  if (found.ok) return ok({ kind: 'layer', node: found.value });
  if (!message.pressedSource) return found;
  const node = await figma.getNodeByIdAsync(message.sourceNodeId);
  const gone = !node || node.removed || pageOf(node) === null;
  return gone ? ok({ kind: 'deleted', pressed: message.pressedSource }) : found;
}
