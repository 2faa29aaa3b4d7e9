/**
 * The browser playground: the real sandbox bundle (`code.js`, exactly what Figma loads) running against the Figma
 * double in this page, the real panel (`ui.html`) beside it in a sandboxed iframe wired the way Figma wires it, and
 * the canvas drawn. It opens on a small sample document (or, after a reload, the document it had open) and its panel
 * comes configured with this proxy and, in offline mode, its dev token (else the team token last pasted for it).
 */
import {
  createFigmaDouble,
  createSampleBrandAsync,
  createSampleDocument,
  type FigmaDouble,
} from '../figma-double/index.js';
import { createCanvasView } from './canvas-view.js';
import { listenForImages } from './image-drop.js';
import { createIframeUiHost } from './iframe-ui-host.js';
import { keepClientStorageOnLeave, keepDocumentOnLeave, keptClientStorage, keptDocument } from './kept-storage.js';
import { createPlaygroundApi, type PlaygroundApi } from './playground-api.js';
import { wireCommands, wireToolButtons } from './playground-commands.js';

declare global {
  interface Window {
    bananaPlayground: PlaygroundApi;
    figma: unknown;
    __html__: string;
  }
}

/** The clientStorage key and shape the plugin reads its settings from (plugin/settings-store.ts). */
const SETTINGS_KEY = 'banana.settings';

/** Loads the bundles, builds the double with the sample document, wires the page and starts the plugin. */
async function bootAsync(): Promise<void> {
  const status = document.querySelector<HTMLElement>('.status')!;
  const [config, html, code] = await Promise.all([
    fetch('config.json').then((r) => r.json() as Promise<{ proxyUrl: string; devToken: string | null }>),
    fetch('ui.html').then((r) => r.text()),
    fetch('code.js').then((r) => r.text()),
  ]);
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.classList.toggle('dark', dark);
  const iframe = document.querySelector<HTMLIFrameElement>('#panel')!;
  const host = createIframeUiHost(iframe, dark);
  const kept = keptClientStorage();
  const double: FigmaDouble = createFigmaDouble({
    ui: host,
    clientStorage: {
      ...kept,
      [SETTINGS_KEY]: { proxyUrl: config.proxyUrl, token: config.devToken ?? keptToken(kept, config.proxyUrl) },
    },
  });
  keepClientStorageOnLeave(double);
  keepDocumentOnLeave(double);
  const figma = double.figma;
  const file = keptDocument();
  if (file) double.load(file);
  else createSampleDocument(figma);
  // Colour and text styles and variables (no layers), so the panel's Brand toggle has a brand to read.
  await createSampleBrandAsync(figma);
  double.resetUndoHistory();
  figma.viewport.center = { x: 570, y: 340 };
  figma.viewport.zoom = 0.75;

  const canvas = document.querySelector<HTMLCanvasElement>('#canvas')!;
  const view = createCanvasView(canvas, double, {
    onToolDone: () => selectTool('move'),
    // A designer's own edit is one undo step, as in Figma.
    onUserEdit: () => double.commitUserEdit(),
  });
  double.onChange(() => view.invalidate());

  const selectTool = wireToolButtons(view);
  listenForImages(canvas, double, view, status);

  const api = createPlaygroundApi(double, () => view.invalidate());
  window.bananaPlayground = api;

  wireCommands({ canvas, double, view, host, api, status, selectTool });

  // The sandbox bundle reads `figma` and `__html__` as globals, exactly as in Figma.
  window.figma = figma;
  window.__html__ = html;
  const script = document.createElement('script');
  script.textContent = `${code}\n//# sourceURL=code.js`;
  document.body.append(script);
  double.run();
  status.textContent = config.devToken ? 'Offline Gemini double · dev token set' : `Proxy: ${config.proxyUrl}`;
  view.invalidate();
}

/** A team token pasted in the panel's Settings for this proxy, kept across a reload; '' when there is none. */
function keptToken(kept: Record<string, unknown>, proxyUrl: string): string {
  const settings = kept[SETTINGS_KEY] as { proxyUrl?: unknown; token?: unknown } | undefined;
  return settings?.proxyUrl === proxyUrl && typeof settings.token === 'string' ? settings.token : '';
}

bootAsync().catch((error: unknown) => {
  document.querySelector('.status')!.textContent = `The playground could not start: ${String(error)}`;
  console.error(error);
});
