/**
 * The History view's two actions on a turn: select its layer on the canvas (and scroll to it), or continue from
 * it: select it, go back to the prompt and put the cursor there, so the next Generate continues that turn. A
 * turn that already has a continuation gets a new branch, placed below the earlier ones by the sandbox.
 */
import { batch } from '@preact/signals';
import type { AppDeps } from './deps.js';

/** Selects a layer; a layer that has gone is reported (`stale_node`) and the selection stays as it was. */
export async function selectLayerAsync({ state, bridge }: AppDeps, nodeId: string): Promise<boolean> {
  const selected = await bridge.request('SELECT_NODES', { nodeIds: [nodeId] });
  if (!selected.ok) state.error.value = selected.error;
  return selected.ok;
}

/** "Continue from here": selects the layer, then shows the prompt with the cursor in it. */
export async function continueFromAsync(deps: AppDeps, nodeId: string): Promise<void> {
  if (!(await selectLayerAsync(deps, nodeId))) return;
  batch(() => {
    deps.state.view.value = 'main';
    deps.state.error.value = null;
    deps.state.promptFocus.value++;
  });
}
