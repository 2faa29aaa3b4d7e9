/** The panel's actions, bound to their dependencies, as the components call them. */
import type { ConnectionReport } from '../../core/connection-report.js';
import type { PanelSize } from '../../core/panel-size.js';
import type { Settings } from '../../core/settings.js';
import { showAfter, showCompareAsync } from './compare.js';
import { rerunVariantsAsync } from './retry-variants.js';
import { cancelRun } from './run.js';
import { createBatchActions, type BatchActions } from './batch-actions.js';
import { createBatchClient } from '../batch-client.js';
import { createProxyJsonCall } from '../proxy-client.js';
import { createBatchJobsActions, type BatchJobsActions } from './batch-jobs.js';
import { createBrandActions, type BrandActions } from './brand.js';
import type { AppDeps } from './deps.js';
import { adjustAsync } from './adjust.js';
import { boostAsync, readBoostBeforeAsync } from './boost.js';
import { expandAsync } from './expand.js';
import { generateAsync } from './generate.js';
import { generateVariantsAsync } from './generate-variants.js';
import { checkPublishStatusAsync, makeComponentSetAsync } from './make-component-set.js';
import { loadModelsAsync } from './load-models.js';
import { createMatteActions, type MatteActions } from './matte-actions.js';
import { watchUsage } from './load-usage.js';
import { createPrecisionActions, type PrecisionActions } from './precision.js';
import { createThumbnailLoader } from './load-thumbnails.js';
import { createHistoryRefresher } from './refresh-history.js';
import { saveSettingsAsync } from './save-settings.js';
import { continueFromAsync, selectLayerAsync } from './select-layer.js';
import { selectResultAsync } from './select-result.js';
import { startAppAsync } from './start-app.js';
import { testConnectionAsync } from './test-connection.js';
import type { View } from '../state.js';

export interface Actions {
  /** Base, reference roles, pinned subject, Keep text editable, style presets (docs/regional-edits.md). */
  precision: PrecisionActions;
  /** Erase, Remove background and Isolate object (ui/components/matte-tools-row.tsx). */
  matte: MatteActions;
  startAsync(): Promise<() => void>;
  generateAsync(): Promise<void>;
  cancel(): void;
  saveSettingsAsync(draft: Settings): Promise<boolean>;
  /** Settings' Test connection, with the typed URL and token (ui/actions/test-connection.ts). */
  testConnectionAsync(draft: Settings): Promise<ConnectionReport>;
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
  /** Turns the selected results into one component set. */
  makeComponentSetAsync(): Promise<void>;
  /** Reads again whether the component set made last is published. */
  checkPublishStatusAsync(): Promise<void>;
  /** Selects these layers on the canvas (the last batch of variants, a component set). */
  selectNodesAsync(nodeIds: readonly string[]): Promise<void>;
  /** Runs the last batch's variants `indices` again: failed ones (Retry), or made ones anew (`fresh`: Regenerate). */
  rerunVariantsAsync(indices: readonly number[], fresh: boolean): Promise<void>;
  /** Shows the layer `nodeId` in the panel's preview for the comparison `key` (Before, or A / B). */
  showCompareAsync(key: string, nodeId: string): Promise<void>;
  /** Back to the selected result itself (After). */
  showAfter(): void;
  /** Asks the sandbox to resize the panel's window (the corner's drag); `final` keeps the size for the next start. */
  resizePanel(size: PanelSize, final: boolean): void;
  /** Expand the selected image (ui/actions/expand.ts). */
  expandAsync(): Promise<void>;
  /** Boost the selected image's resolution, and read its pixels first (ui/actions/boost.ts). */
  boostAsync(): Promise<void>;
  readBoostBeforeAsync(): Promise<void>;
  /** The instant adjustment the panel offers for a tone change (ui/actions/adjust.ts). */
  adjustAsync(): Promise<void>;
  /** The Brand toggle and the brand frame (ui/actions/brand.ts). */
  brand: BrandActions;
  /** A batch over a selection: each frame edited on its own (ui/actions/batch-actions.ts). */
  batch: BatchActions;
  /** The "Half-price jobs" card (ui/actions/batch-jobs.ts). */
  batchJobs: BatchJobsActions;
}

export function createActions(deps: AppDeps): Actions {
  const refreshHistory = createHistoryRefresher(deps);
  const loadThumbnails = createThumbnailLoader(deps);
  const brand = createBrandActions(deps, loadThumbnails);
  const batchesFor = () => createBatchClient(createProxyJsonCall(deps.state.settings.peek()));
  const batchJobs = createBatchJobsActions({ ...deps, batchesFor });
  return {
    brand,
    // A job just submitted shows in the Half-price jobs card at once.
    batch: createBatchActions(deps, () => void batchJobs.checkAsync(true)),
    batchJobs,
    precision: createPrecisionActions(deps.state),
    matte: createMatteActions(deps),
    startAsync: async () => {
      const stop = await startAppAsync(deps, refreshHistory);
      await brand.loadAsync();
      const stopUsage = watchUsage(deps);
      const stopJobs = batchJobs.watch();
      return () => {
        stop();
        stopUsage();
        stopJobs();
      };
    },
    // One result, or N variants of the same request (ui/actions/generate-variants.ts).
    generateAsync: async () => {
      const count = deps.state.variants.count.peek();
      if (!deps.state.run.peek()) deps.state.variants.lastBatch.value = null;
      await (count > 1 ? generateVariantsAsync(deps, count) : generateAsync(deps));
      // The proxy's key lost the model since the list was read: read it again, which moves the pick to its
      // replacement (ui/actions/load-models.ts).
      if (deps.state.error.peek()?.code === 'model_unavailable') await loadModelsAsync(deps);
    },
    cancel: () => cancelRun(deps.state),
    saveSettingsAsync: (draft) => saveSettingsAsync(deps, draft),
    testConnectionAsync: (draft) => testConnectionAsync(deps, draft),
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
    makeComponentSetAsync: () => makeComponentSetAsync(deps),
    checkPublishStatusAsync: () => checkPublishStatusAsync(deps),
    selectNodesAsync: async (nodeIds) => {
      if (nodeIds.length === 0) return;
      const selected = await deps.bridge.request('SELECT_NODES', { nodeIds: [...nodeIds] });
      if (!selected.ok) deps.state.error.value = selected.error;
    },
    rerunVariantsAsync: (indices, fresh) => rerunVariantsAsync(deps, indices, fresh),
    showCompareAsync: (key, nodeId) => showCompareAsync(deps, key, nodeId),
    showAfter: () => showAfter(deps),
    resizePanel: (size, final) => deps.bridge.notify({ type: 'RESIZE_PANEL', ...size, final }),
    expandAsync: () => expandAsync(deps),
    boostAsync: () => boostAsync(deps),
    readBoostBeforeAsync: () => readBoostBeforeAsync(deps),
    adjustAsync: () => adjustAsync(deps),
  };
}
