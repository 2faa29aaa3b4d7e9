/**
 * The playground's commands: the tool buttons, the toolbar's Undo, Delete, Save, Reset and Theme buttons, opening a
 * saved document, and the keyboard shortcuts Figma uses (⌘Z, Delete, and V F R O Y S P for the tools).
 */
import type { FigmaDouble, SerializedDocument } from '../figma-double/index.js';
import type { CanvasView, Tool } from './canvas-view.js';
import type { IframeUiHost } from './iframe-ui-host.js';
import type { PlaygroundApi } from './playground-api.js';
import { forgetKeptDocument } from './kept-storage.js';

/** What the commands act on. */
export interface PlaygroundParts {
  canvas: HTMLCanvasElement;
  double: FigmaDouble;
  view: CanvasView;
  host: IframeUiHost;
  api: PlaygroundApi;
  status: HTMLElement;
  selectTool: (tool: Tool) => void;
}

/** Wires the tool buttons to the canvas; returns the function that picks a tool and shows it pressed. */
export function wireToolButtons(view: CanvasView): (tool: Tool) => void {
  const toolButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-tool]')];
  const selectTool = (tool: Tool): void => {
    for (const b of toolButtons) b.setAttribute('aria-pressed', String(b.dataset.tool === tool));
    view.setTool(tool);
  };
  for (const b of toolButtons) b.addEventListener('click', () => selectTool(b.dataset.tool as Tool));
  return selectTool;
}

/** Wires the toolbar's buttons, the open-file input and the canvas's keyboard shortcuts. */
export function wireCommands({ canvas, double, view, host, api, status, selectTool }: PlaygroundParts): void {
  const figma = double.figma;
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
    reset: () => {
      forgetKeptDocument();
      location.reload();
    },
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
}

/** Saves the document as a JSON file the browser downloads. */
function download(doc: SerializedDocument): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'banana-playground.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
