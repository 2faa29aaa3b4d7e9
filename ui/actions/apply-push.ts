/** Applies a message the sandbox sent on its own (selection, thumbnail, a reported problem) to the state. */
import { batch } from '@preact/signals';
import type { PushMessage } from '../bridge.js';
import type { AppState } from '../state.js';

export function applyPush(state: AppState, message: PushMessage): void {
  switch (message.type) {
    case 'SELECTION_CHANGED':
      batch(() => {
        state.selection.value = message.nodes;
        state.selectionCount.value = message.count;
        state.regionHost.value = message.regionHost ?? null;
        const shown = state.thumbnail.value;
        const kept =
          message.nodes.some((node) => node.id === shown?.nodeId) || message.regionHost?.id === shown?.nodeId;
        if (shown && !kept) state.thumbnail.value = null;
      });
      return;
    case 'THUMBNAIL': {
      const { nodeId, bytes, width, height } = message;
      state.thumbnail.value = { nodeId, bytes, width, height };
      return;
    }
    case 'ERROR':
      state.error.value = message.error;
      return;
    case 'HISTORY_CHANGED':
      // What the panel holds is out of date until the read this notice starts has ended (actions/start-app.ts).
      state.historyCurrent.value = false;
      return;
  }
}
