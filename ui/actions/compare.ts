/**
 * Before / After (docs/architecture.md#before-and-after): shows a layer's thumbnail in the panel in place of the
 * selected result's, read afresh at each press (READ_THUMBNAIL), so a source changed since shows as it is now and a
 * deleted one is said to be gone. Nothing on the canvas changes.
 */
import { bytesToBase64 } from '../../core/base64.js';
import type { AppDeps } from './deps.js';

/** Shows `nodeId` for the comparison `key`: reads its thumbnail, or notes that the layer has gone. */
export async function showCompareAsync(deps: Pick<AppDeps, 'state' | 'bridge'>, key: string, nodeId: string) {
  const { compare } = deps.state;
  compare.shown.value = { key, nodeId };
  compare.picture.value = null;
  const image = await deps.bridge.request('READ_THUMBNAIL', { nodeId });
  // A later press (or the other side) won: this read is no longer what is shown.
  if (compare.shown.peek()?.nodeId !== nodeId || compare.shown.peek()?.key !== key) return;
  if (image.ok) {
    compare.picture.value = { nodeId, src: `data:image/png;base64,${bytesToBase64(image.value.bytes)}` };
  } else if (image.error.code === 'stale_node') {
    compare.picture.value = { nodeId, gone: true };
  } else {
    deps.state.error.value = image.error;
  }
}

/** Back to the selected result itself (After). */
export function showAfter(deps: Pick<AppDeps, 'state'>): void {
  deps.state.compare.shown.value = null;
  deps.state.compare.picture.value = null;
}
