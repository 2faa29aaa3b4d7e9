/** The whole panel: a header, then either the main flow or the settings. */
import { ErrorBanner } from './error-banner.js';
import { GenerateBar } from './generate-bar.js';
import { ModelPicker } from './model-picker.js';
import { PromptBox } from './prompt-box.js';
import type { PanelProps } from './props.js';
import { RatioPicker } from './ratio-picker.js';
import { ResultNote } from './result-note.js';
import { SelectionCard } from './selection-card.js';
import { SettingsView } from './settings-view.js';

export function App({ state, actions }: PanelProps) {
  const settingsOpen = state.view.value === 'settings';
  return (
    <div class="app">
      <header class="bar">
        <h1 class="title">Banana Studio</h1>
        <button
          type="button"
          class="ghost"
          aria-pressed={settingsOpen}
          onClick={() => actions.showView(settingsOpen ? 'main' : 'settings')}
        >
          Settings
        </button>
      </header>
      {settingsOpen ? (
        <SettingsView state={state} actions={actions} />
      ) : (
        <main class="stack">
          <SelectionCard state={state} actions={actions} />
          <PromptBox state={state} actions={actions} />
          <div class="row">
            <ModelPicker state={state} actions={actions} />
            <RatioPicker state={state} actions={actions} />
          </div>
          <ErrorBanner state={state} actions={actions} />
          <GenerateBar state={state} actions={actions} />
          <ResultNote state={state} actions={actions} />
        </main>
      )}
      {settingsOpen && <ErrorBanner state={state} actions={actions} />}
    </div>
  );
}
