/** The whole panel: a header, then the main flow, the History of the selected result, or the settings. */
import type { View } from '../state.js';
import { ErrorBanner } from './error-banner.js';
import { HistoryView } from './history-view.js';
import { MainView } from './main-view.js';
import { OfflineBadge } from './offline-badge.js';
import type { PanelProps } from './props.js';
import { ResizeHandle } from './resize-handle.js';
import { RunKeys } from './run-keys.js';
import { SettingsView } from './settings-view.js';

export function App({ state, actions }: PanelProps) {
  const view = state.view.value;
  const settingsOpen = view === 'settings';
  const toggle = (which: View) => actions.showView(view === which ? 'main' : which);
  const banner = () => <ErrorBanner error={state.error.value} onDismiss={actions.dismissError} />;
  return (
    <div class="app">
      <header class="bar">
        <div class="bar-title">
          <h1 class="title">Banana Studio</h1>
          <OfflineBadge offline={state.proxyMode.value === 'offline'} />
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
        <SettingsView
          initial={state.settings.peek()}
          onSave={actions.saveSettingsAsync}
          onTest={actions.testConnectionAsync}
          onBack={() => actions.showView('main')}
        />
      ) : view === 'history' ? (
        <>
          <HistoryView
            target={state.target.value}
            view={state.historyView.value}
            turn={state.targetTurn.value}
            damage={state.targetDamage.value}
            chain={state.targetChain.value}
            thumbnails={state.thumbnails.value}
            models={state.models.value}
            onLoadThumbnailsAsync={actions.loadThumbnailsAsync}
            onSelectLayer={(nodeId) => void actions.selectLayerAsync(nodeId)}
            onContinueFrom={(nodeId) => void actions.continueFromAsync(nodeId)}
          />
          {banner()}
        </>
      ) : (
        <MainView state={state} actions={actions} />
      )}
      {settingsOpen && banner()}
      <ResizeHandle onResize={actions.resizePanel} />
      <RunKeys run={state.run.value} onCancel={actions.cancel} />
    </div>
  );
}
