/**
 * The panel's entry point: builds the state, the panel's bridge to the sandbox, the proxy client and the canvas fitter, renders
 * the App and starts it. The build inlines this bundle and styles.css into one self-contained dist/ui.html.
 */
import { render } from 'preact';
import { createActions } from './actions/index.js';
import { createPanelBridge } from './bridge.js';
import { App } from './components/app.js';
import { canvasCodec } from './image/canvas-codec.js';
import { fitImageWithCanvasAsync } from './image/canvas-fitter.js';
import { createProxyClient } from './proxy-client.js';
import { createAppState } from './state.js';
import './styles.css';

const state = createAppState();
const actions = createActions({
  state,
  bridge: createPanelBridge(window),
  proxyFor: (settings) => createProxyClient(settings),
  fitImage: fitImageWithCanvasAsync,
  pixels: canvasCodec,
  now: () => Date.now(),
});
const root = document.getElementById('root');
if (root) render(<App state={state} actions={actions} />, root);
void actions.startAsync();
