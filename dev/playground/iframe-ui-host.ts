/**
 * Wires the Figma double's `figma.ui` to a real iframe, the way Figma wires a plugin's panel: the panel runs in a
 * sandboxed iframe with an opaque (`null`) origin, sends with `parent.postMessage({ pluginMessage }, '*')`, and
 * receives `{ pluginMessage }` message events.
 */
import type { UiHost } from '../figma-double/index.js';
import { withFigmaTheme } from './figma-theme.js';

export interface IframeUiHost extends UiHost {
  /** Reloads the panel with the current theme (light or dark). */
  setDark(dark: boolean): void;
}

export function createIframeUiHost(iframe: HTMLIFrameElement, initiallyDark: boolean): IframeUiHost {
  let sendToSandbox: ((message: unknown, origin?: string) => void) | null = null;
  let html: string | null = null;
  let themeColors = false;
  let dark = initiallyDark;
  let ready: Promise<void> = Promise.resolve();

  const load = (): void => {
    if (html === null) return;
    ready = new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
    iframe.srcdoc = themeColors ? withFigmaTheme(html, dark) : html;
  };

  // The panel's window is exactly the size the plugin asked for, as in Figma (showUI, figma.ui.resize).
  const setSize = (width: number | undefined, height: number | undefined): void => {
    if (width) iframe.style.setProperty('width', `${width}px`);
    if (height) iframe.style.setProperty('height', `${height}px`);
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data as { pluginMessage?: unknown } | null;
    if (data && typeof data === 'object' && 'pluginMessage' in data) sendToSandbox?.(data.pluginMessage, 'null');
  });

  return {
    deliverToUi(message) {
      iframe.contentWindow?.postMessage({ pluginMessage: message }, '*');
    },
    setOnMessageFromUi(send) {
      sendToSandbox = send;
    },
    open(nextHtml, options) {
      html = nextHtml;
      themeColors = options.themeColors === true;
      setSize(options.width, options.height);
      load();
    },
    whenReady: () => ready,
    resize(width, height) {
      setSize(width, height);
    },
    setVisible(visible) {
      iframe.style.visibility = visible ? 'visible' : 'hidden';
    },
    close() {
      iframe.srcdoc = '<p style="font: 12px system-ui; padding: 16px">The plugin has closed.</p>';
    },
    setDark(next) {
      dark = next;
      load();
    },
  };
}
