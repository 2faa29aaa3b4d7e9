/**
 * Startup: listen to the sandbox, say UI_READY (it answers with the selection), load the settings from
 * clientStorage, then the model list and the proxy's mode (`/health`: the offline double or Gemini). The page's
 * history is read again whenever the selection or the history changes. Returns the unsubscribe.
 */
import type { AppDeps } from './deps.js';
import { applyPush } from './apply-push.js';
import { loadModelsAsync } from './load-models.js';
import { loadProxyModeAsync } from './load-proxy-mode.js';

export async function startAppAsync(deps: AppDeps, refreshHistory: () => Promise<void>): Promise<() => void> {
  const { state, bridge } = deps;
  const unsubscribe = bridge.subscribe((message) => {
    applyPush(state, message);
    if (message.type === 'SELECTION_CHANGED' || message.type === 'HISTORY_CHANGED') void refreshHistory();
  });
  bridge.notify({ type: 'UI_READY' });
  const settings = await bridge.request('LOAD_SETTINGS', {});
  if (settings.ok) state.settings.value = settings.value;
  else state.error.value = settings.error;
  state.settingsLoaded.value = true;
  await Promise.all([loadModelsAsync(deps), loadProxyModeAsync(deps)]);
  return unsubscribe;
}
