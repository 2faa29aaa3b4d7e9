/** Selects the last placed result again and scrolls to it. */
import type { AppDeps } from './deps.js';

export async function selectResultAsync({ state, bridge }: AppDeps): Promise<void> {
  const result = state.lastResult.peek();
  if (!result) return;
  const selected = await bridge.request('SELECT_NODES', { nodeIds: [result.nodeId] });
  if (!selected.ok) state.error.value = selected.error;
}
