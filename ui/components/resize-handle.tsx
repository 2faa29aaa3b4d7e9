/**
 * The corner that resizes the panel: drag it and the window follows (the sandbox calls `figma.ui.resize`, since a
 * plugin's iframe cannot resize itself); the size at the end of the drag is kept for the next start.
 */
import { useRef } from 'preact/hooks';
import type { PanelSize } from '../../core/panel-size.js';

export interface ResizeHandleProps {
  /** The window should be this size; `final` when the drag ends. */
  onResize(size: PanelSize, final: boolean): void;
}

interface Drag {
  /** The window's size and the pointer's place on the screen when the drag began. */
  start: PanelSize;
  screenX: number;
  screenY: number;
  last: PanelSize;
}

export function ResizeHandle({ onResize }: ResizeHandleProps) {
  const drag = useRef<Drag | null>(null);
  // Measured on the screen, not in the window: the window itself may move while it is resized.
  const sizeAt = (event: PointerEvent, d: Drag): PanelSize => ({
    width: d.start.width + event.screenX - d.screenX,
    height: d.start.height + event.screenY - d.screenY,
  });
  return (
    <div
      class="resize-corner"
      title="Drag to resize the panel"
      aria-hidden="true"
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        const start = { width: window.innerWidth, height: window.innerHeight };
        drag.current = { start, screenX: event.screenX, screenY: event.screenY, last: start };
      }}
      onPointerMove={(event) => {
        const d = drag.current;
        if (!d) return;
        d.last = sizeAt(event, d);
        onResize(d.last, false);
      }}
      onPointerUp={(event) => {
        const d = drag.current;
        if (!d) return;
        drag.current = null;
        onResize(sizeAt(event, d), true);
      }}
      onPointerCancel={() => {
        const d = drag.current;
        drag.current = null;
        if (d) onResize(d.last, true);
      }}
    />
  );
}
