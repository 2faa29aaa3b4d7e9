/** The panel's actions, bound to their dependencies, as the components call them. */
import type { Settings } from '../../core/settings.js';
import { cancelRun } from './cancel.js';
import type { AppDeps } from './deps.js';
import { generateAsync } from './generate.js';
import { loadModelsAsync } from './load-models.js';
import { saveSettingsAsync } from './save-settings.js';
import { selectResultAsync } from './select-result.js';
import { startAppAsync } from './start-app.js';

export interface Actions {
  startAsync(): Promise<() => void>;
  generateAsync(): Promise<void>;
  cancel(): void;
  saveSettingsAsync(draft: Settings): Promise<boolean>;
  reloadModelsAsync(): Promise<void>;
  selectResultAsync(): Promise<void>;
  dismissError(): void;
  showView(view: 'main' | 'settings'): void;
}

export function createActions(deps: AppDeps): Actions {
  return {
    startAsync: () => startAppAsync(deps),
    generateAsync: () => generateAsync(deps),
    cancel: () => cancelRun(deps.state),
    saveSettingsAsync: (draft) => saveSettingsAsync(deps, draft),
    reloadModelsAsync: () => loadModelsAsync(deps),
    selectResultAsync: () => selectResultAsync(deps),
    dismissError: () => {
      deps.state.error.value = null;
    },
    showView: (view) => {
      deps.state.view.value = view;
    },
  };
}
