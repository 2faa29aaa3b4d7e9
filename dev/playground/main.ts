/**
 * The browser playground: the real sandbox bundle (`code.js`, exactly what Figma loads) running against the Figma
 * double in this page, the real panel (`ui.html`) beside it in a sandboxed iframe wired the way Figma wires it, and
 * the canvas drawn. It opens on a small sample document and its panel comes configured with this proxy and, in
 * offline mode, its dev token.
 */
import {
  createFigmaDouble,
  createSampleDocument,
  type FigmaDouble,
  type SerializedDocument,
} from '../figma-double/index.js';
import { createCanvasView, type Tool } from './canvas-view.js';
import { createIframeUiHost } from './iframe-ui-host.js';
import { createPlaygroundApi, type PlaygroundApi } from './playground-api.js';
import { createImageLayerAsync } from './shapes.js';

declare global {
  interface Window {
    bananaPlayground: PlaygroundApi;
    figma: unknown;
    __html__: string;
  }
}

/** The clientStorage key and shape the plugin reads its settings from (plugin/settings-store.ts). */
const SETTINGS_KEY = 'banana.settings';

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
  const double: FigmaDouble = createFigmaDouble({
    ui: host,
    clientStorage: { [SETTINGS_KEY]: { proxyUrl: config.proxyUrl, token: config.devToken ?? '' } },
  });
  const figma = double.figma;
  createSampleDocument(figma);
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

  const toolButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-tool]')];
  const selectTool = (tool: Tool): void => {
    for (const b of toolButtons) b.setAttribute('aria-pressed', String(b.dataset.tool === tool));
    view.setTool(tool);
  };
  for (const b of toolButtons) b.addEventListener('click', () => selectTool(b.dataset.tool as Tool));

  const addImagesAsync = async (files: Iterable<File>, at: { x: number; y: number }): Promise<void> => {
    const made: SceneNode[] = [];
    for (const file of files) {
      if (!file.type.startsWith('image/')) continue;
      try {
        made.push(
          await createImageLayerAsync(figma, file, file.name, {
            x: at.x + made.length * 24,
            y: at.y + made.length * 24,
          }),
        );
      } catch (error) {
        status.textContent = `Could not add ${file.name}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    if (made.length > 0) {
      double.userSelect(made);
      double.commitUserEdit();
    }
  };
  document
    .querySelector<HTMLInputElement>('.toolbar input[type=file][accept^="image"]')!
    .addEventListener('change', (e) => {
      const input = e.currentTarget as HTMLInputElement;
      void addImagesAsync(input.files ?? [], view.centre()).finally(() => (input.value = ''));
    });
  canvas.addEventListener('dragover', (e) => e.preventDefault());
  canvas.addEventListener('drop', (e) => {
    e.preventDefault();
    void addImagesAsync(e.dataTransfer?.files ?? [], view.pagePointAt(e.clientX, e.clientY));
  });
  document.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length > 0) void addImagesAsync(files, view.centre());
  });

  const api = createPlaygroundApi(double, () => view.invalidate());
  window.bananaPlayground = api;

  const deleteSelection = (): void => {
    const selection = figma.currentPage.selection;
    if (selection.length === 0) return;
    for (const node of selection) node.remove();
    double.commitUserEdit();
  };
  const actions: Record<string, () => void> = {
    undo: () => double.undo(),
    delete: deleteSelection,
    save: () => download(api.save()),
    reset: () => location.reload(),
    theme: () => {
      const next = !document.documentElement.classList.contains('dark');
      document.documentElement.classList.toggle('dark', next);
      host.setDark(next);
      view.invalidate();
    },
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    b.addEventListener('click', () => actions[b.dataset.action!]?.());
  }
  document.querySelector<HTMLInputElement>('input[data-action=load]')!.addEventListener('change', (e) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void file
      .text()
      .then((text) => api.load(JSON.parse(text) as SerializedDocument))
      .catch((error: unknown) => (status.textContent = `Could not open ${file.name}: ${String(error)}`))
      .finally(() => (input.value = ''));
  });
  canvas.addEventListener('keydown', (e) => {
    const mod = e.metaKey || e.ctrlKey;
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      double.undo();
    } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) deleteSelection();
    else if (!mod) {
      const tool = (
        { v: 'move', f: 'frame', r: 'rectangle', o: 'ellipse', y: 'polygon', s: 'star', p: 'pen' } as const
      )[e.key.toLowerCase()];
      if (tool) selectTool(tool);
    }
  });

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

function download(doc: SerializedDocument): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'banana-playground.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

bootAsync().catch((error: unknown) => {
  document.querySelector('.status')!.textContent = `The playground could not start: ${String(error)}`;
  console.error(error);
});
