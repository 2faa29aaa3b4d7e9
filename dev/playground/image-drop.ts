/**
 * Images into the playground's document, as a designer brings them into Figma: the toolbar's file picker, dropping
 * files on the canvas, or pasting them. Each image becomes a layer at its natural size; several are staggered, and
 * the new layers are selected as one undo step.
 */
import type { FigmaDouble } from '../figma-double/index.js';
import type { CanvasView } from './canvas-view.js';
import { createImageLayerAsync } from './shapes.js';

/** Listens for picked, dropped and pasted images; a file that cannot be read is named in `status`. */
export function listenForImages(
  canvas: HTMLCanvasElement,
  double: FigmaDouble,
  view: CanvasView,
  status: HTMLElement,
): void {
  const figma = double.figma;
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
}
