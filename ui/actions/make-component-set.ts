/**
 * "Make component set": the selected results become one component set (plugin/make-component-set.ts). The sandbox
 * refuses a selection holding anything Banana Studio did not make, naming the layer; the panel shows that as it is.
 * Also reads again whether the set is published, after a person has published it from the Assets panel.
 */
import { batch } from '@preact/signals';
import { appError } from '../../core/errors.js';
import { MAX_COMPONENT_SET_VARIANTS } from '../../core/messages.js';
import type { AppDeps } from './deps.js';

/** Makes the set from the current selection, unless a Generate or another set is under way. */
export async function makeComponentSetAsync({ state, bridge }: AppDeps): Promise<void> {
  const { variants } = state;
  if (variants.making.peek() || state.run.peek()) return;
  const nodes = state.selection.peek();
  if (nodes.length === 0 || state.selectionCount.peek() > nodes.length || nodes.length > MAX_COMPONENT_SET_VARIANTS) {
    state.error.value = appError(
      'bad_request',
      `Select between 1 and ${MAX_COMPONENT_SET_VARIANTS} Banana Studio results to make a component set.`,
    );
    return;
  }
  batch(() => {
    variants.making.value = true;
    state.error.value = null;
  });
  // The results become components carrying their records: the next turn reads the history again.
  state.historyCurrent.value = false;
  const made = await bridge.request('MAKE_COMPONENT_SET', { nodeIds: nodes.map((n) => n.id) });
  batch(() => {
    variants.making.value = false;
    if (made.ok) {
      variants.componentSet.value = made.value;
      // The batch's layers are components now, with new ids: its "Select them" would find nothing.
      variants.lastBatch.value = null;
    } else state.error.value = made.error;
  });
}

/** Reads the made set's publish status again. */
export async function checkPublishStatusAsync({ state, bridge }: AppDeps): Promise<void> {
  const set = state.variants.componentSet.peek();
  if (!set) return;
  const status = await bridge.request('READ_PUBLISH_STATUS', { nodeId: set.setId });
  if (!status.ok) {
    state.error.value = status.error;
    return;
  }
  const now = state.variants.componentSet.peek();
  if (now?.setId === set.setId) state.variants.componentSet.value = { ...now, publishStatus: status.value };
}
