/** The whole panel: a header, then the main flow, the History of the selected result, or the settings. */
import type { View } from '../state.js';
import { ComponentSetCard } from './component-set-card.js';
import { ErrorBanner } from './error-banner.js';
import { GenerateBar } from './generate-bar.js';
import { HistoryView } from './history-view.js';
import { ModelPicker } from './model-picker.js';
import { OfflineBadge } from './offline-badge.js';
import { PromptBox } from './prompt-box.js';
import type { PanelProps } from './props.js';
import { RatioPicker } from './ratio-picker.js';
import { ReferenceList } from './reference-list.js';
import { ResultNote } from './result-note.js';
import { SelectionCard } from './selection-card.js';
import { SettingsView } from './settings-view.js';
import { StylePresets } from './style-presets.js';
import { VariantNote } from './variant-note.js';

export function App({ state, actions }: PanelProps) {
  const view = state.view.value;
  const settingsOpen = view === 'settings';
  const toggle = (which: View) => actions.showView(view === which ? 'main' : which);
  return (
    <div class="app">
      <header class="bar">
        <div class="bar-title">
          <h1 class="title">Banana Studio</h1>
          <OfflineBadge state={state} />
        </div>
        <div class="bar-buttons">
          <button type="button" class="ghost" aria-pressed={view === 'history'} onClick={() => toggle('history')}>
            History
          </button>
          <button type="button" class="ghost" aria-pressed={settingsOpen} onClick={() => toggle('settings')}>
            Settings
          </button>
        </div>
      </header>
      {settingsOpen ? (
        <SettingsView state={state} actions={actions} />
      ) : view === 'history' ? (
        <>
          <HistoryView state={state} actions={actions} />
          <ErrorBanner state={state} actions={actions} />
        </>
      ) : (
        <main class="stack">
          <SelectionCard state={state} actions={actions} />
          <ReferenceList state={state} actions={actions} />
          <ComponentSetCard state={state} actions={actions} />
          <PromptBox state={state} actions={actions} />
          <StylePresets state={state} actions={actions} />
          <div class="row">
            <ModelPicker state={state} actions={actions} />
            <RatioPicker state={state} actions={actions} />
          </div>
          <ErrorBanner state={state} actions={actions} />
          <GenerateBar state={state} actions={actions} />
          <ResultNote state={state} actions={actions} />
          <VariantNote state={state} actions={actions} />
        </main>
      )}
      {settingsOpen && <ErrorBanner state={state} actions={actions} />}
    </div>
  );
}
