/**
 * How the playground canvas (dev/playground/canvas-view.ts) asks to be painted: at most once an animation frame, and
 * never two paints at once; a request while a paint is under way (it awaits the layers' bitmaps) paints once more
 * after it, so the last change is always shown.
 */

/**
 * An `invalidate` that runs `beforeRequest` at once (to follow the plugin's scrolls before the frame) and
 * `paintAsync` on the next animation frame.
 */
export function createRedrawLoop(paintAsync: () => Promise<void>, beforeRequest: () => void): () => void {
  let frameRequested = false;
  let drawing = false;
  let again = false;

  async function drawAsync(): Promise<void> {
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      await paintAsync();
    } finally {
      drawing = false;
      if (again) {
        again = false;
        invalidate();
      }
    }
  }

  function invalidate(): void {
    beforeRequest();
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      void drawAsync();
    });
  }

  return invalidate;
}
