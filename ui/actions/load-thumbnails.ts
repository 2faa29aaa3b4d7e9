/**
 * Fetches History thumbnails one layer at a time (one image per message, docs/figma-platform.md#little-memory-in-the-sandbox) and keeps them for
 * the session by layer id; a result's pixels do not change once placed. A layer that cannot be exported (gone,
 * or with no area) simply shows without one.
 */
import { bytesToBase64 } from '../../core/base64.js';
import type { AppDeps } from './deps.js';

/** Returns `load(ids)`, which asks for the thumbnails not yet kept or being fetched. */
export function createThumbnailLoader(
  deps: Pick<AppDeps, 'state' | 'bridge'>,
): (nodeIds: readonly string[]) => Promise<void> {
  const asked = new Set<string>();
  return async (nodeIds) => {
    for (const nodeId of nodeIds) {
      if (asked.has(nodeId) || deps.state.thumbnails.peek().has(nodeId)) continue;
      asked.add(nodeId);
      const image = await deps.bridge.request('READ_THUMBNAIL', { nodeId });
      if (!image.ok) continue;
      const next = new Map(deps.state.thumbnails.peek());
      next.set(nodeId, `data:image/png;base64,${bytesToBase64(image.value.bytes)}`);
      deps.state.thumbnails.value = next;
    }
  };
}
