/**
 * What Figma does between the panel iframe and the sandbox, for Node: the panel's `parent.postMessage({ pluginMessage
 * })` reaches the double's UI host, and the sandbox's `figma.ui.postMessage` arrives as a window `message` event with
 * `data.pluginMessage` (docs/figma-platform.md#messages). The playground does the same with a real iframe. `sent`
 * keeps every message the panel sent, in order.
 */
import type { BridgeHost } from '../../ui/bridge.js';
import type { UiHost } from '../../dev/figma-double/index.js';

export function createPanelRelay(): { uiHost: UiHost; window: BridgeHost; sent: unknown[] } {
  const events = new EventTarget();
  const sent: unknown[] = [];
  let send: ((message: unknown) => void) | null = null;
  const uiHost: UiHost = {
    deliverToUi: (message) =>
      void events.dispatchEvent(new MessageEvent('message', { data: { pluginMessage: message } })),
    setOnMessageFromUi: (callback) => {
      send = callback;
    },
  };
  const window: BridgeHost = {
    parent: {
      postMessage(data) {
        if (!send) throw new Error('no sandbox attached');
        const message = (data as { pluginMessage: unknown }).pluginMessage;
        sent.push(message);
        send(message);
      },
    },
    addEventListener: (type, listener) => events.addEventListener(type, listener as EventListener),
    removeEventListener: (type, listener) => events.removeEventListener(type, listener as EventListener),
  };
  return { uiHost, window, sent };
}
