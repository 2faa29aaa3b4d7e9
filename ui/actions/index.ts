/** The panel's actions, bound to their dependencies, as the components call them. */
import type { Settings } from '../../core/settings.js';
import { cancelRun } from './cancel.js';
import type { AppDeps } from './deps.js';
import { generateAsync } from './generate.js';
import { loadModelsAsync } from './load-models.js';
import { createThumbnailLoader } from './load-thumbnails.js';
import { createHistoryRefresher } from './refresh-history.js';
import { saveSettingsAsync } from './save-settings.js';
import { continueFromAsync, selectLayerAsync } from './select-layer.js';
import { selectResultAsync } from './select-result.js';
import { startAppAsync } from './start-app.js';
import type { View } from '../state.js';

export interface Actions {
  startAsync(): Promise<() => void>;
  generateAsync(): Promise<void>;
  cancel(): void;
  saveSettingsAsync(draft: Settings): Promise<boolean>;
  reloadModelsAsync(): Promise<void>;
  selectResultAsync(): Promise<void>;
  /** Reads the page's turn records again. */
  refreshHistoryAsync(): Promise<void>;
  /** Fetches the History thumbnails of these layers that are not kept yet. */
  loadThumbnailsAsync(nodeIds: readonly string[]): Promise<void>;
  /** Selects a layer on the canvas (a History row). */
  selectLayerAsync(nodeId: string): Promise<boolean>;
  /** "Continue from here": select the layer, back to the prompt. */
  continueFromAsync(nodeId: string): Promise<void>;
  dismissError(): void;
  showView(view: View): void;
}

export function createActions(deps: AppDeps): Actions {
  const refreshHistory = createHistoryRefresher(deps);
  const loadThumbnails = createThumbnailLoader(deps);
  return {
    startAsync: () => startAppAsync(deps, refreshHistory),
    generateAsync: () => generateAsync(deps),
    cancel: () => cancelRun(deps.state),
    saveSettingsAsync: (draft) => saveSettingsAsync(deps, draft),
    reloadModelsAsync: () => loadModelsAsync(deps),
    selectResultAsync: () => selectResultAsync(deps),
    refreshHistoryAsync: refreshHistory,
    loadThumbnailsAsync: loadThumbnails,
    selectLayerAsync: (nodeId) => selectLayerAsync(deps, nodeId),
    continueFromAsync: (nodeId) => continueFromAsync(deps, nodeId),
    dismissError: () => {
      deps.state.error.value = null;
    },
    showView: (view) => {
      deps.state.view.value = view;
    },
  };
}
