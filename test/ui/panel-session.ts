/**
 * The whole panel in Node: Figma (the double, with the sample file), the real sandbox code, and the panel's real
 * state, actions and bridge relayed to it, calling a proxy on a real local port. Only the canvas work uses a Node
 * fitter (test/ui/png-fitter.ts).
 */
import { createPlugin, type RunningPlugin } from '../../plugin/create-plugin.js';
import { SETTINGS_KEY } from '../../plugin/settings-store.js';
import { createActions, type Actions } from '../../ui/actions/index.js';
import { createPanelBridge, type PanelBridge } from '../../ui/bridge.js';
import { createProxyClient } from '../../ui/proxy-client.js';
import { createAppState, type AppState } from '../../ui/state.js';
import {
  createFigmaDouble,
  createSampleDocument,
  type FigmaDouble,
  type SampleDocument,
} from '../../dev/figma-double/index.js';
import { createPanelRelay } from './panel-relay.js';
import { fitImageWithPngCodecAsync } from './png-fitter.js';

export interface PanelSession {
  double: FigmaDouble;
  sample: SampleDocument;
  state: AppState;
  actions: Actions;
  /** The panel's end of the channel to the sandbox. */
  bridge: PanelBridge;
  /** The types of the messages the panel sent the sandbox so far, in order. */
  sentTypes(): string[];
  /** Stops the panel and the sandbox. */
  close(): void;
}

export interface PanelSessionOptions {
  proxyUrl: string;
  select?: (s: SampleDocument) => SceneNode[];
  currentUser?: User | null;
}

/** Figma with the sample file, the sandbox, and the panel, started and settled. */
export async function openPanelSessionAsync(options: PanelSessionOptions): Promise<PanelSession> {
  const relay = createPanelRelay();
  const double = createFigmaDouble({
    ui: relay.uiHost,
    clientStorage: { [SETTINGS_KEY]: { proxyUrl: options.proxyUrl, token: 'team-token' } },
    ...(options.currentUser !== undefined ? { currentUser: options.currentUser } : {}),
  });
  const sample = createSampleDocument(double.figma);
  double.figma.currentPage.selection = options.select?.(sample) ?? [];
  const plugin: RunningPlugin = createPlugin(double.figma, '<html></html>');
  const bridge: PanelBridge = createPanelBridge(relay.window);
  const state = createAppState();
  const actions = createActions({
    state,
    bridge,
    proxyFor: (settings) => createProxyClient(settings),
    fitImage: fitImageWithPngCodecAsync,
    now: () => Date.now(),
  });
  await actions.startAsync();
  await until(() => state.selectionCount.value === double.figma.currentPage.selection.length);
  return {
    double,
    sample,
    state,
    actions,
    bridge,
    sentTypes: () => relay.sent.map((message) => (message as { type: string }).type),
    close() {
      bridge.close();
      plugin.close();
    },
  };
}

/** Waits until `condition` holds, polling every few milliseconds. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
