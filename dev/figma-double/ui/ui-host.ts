/**
 * The panel side of `figma.showUI` / `figma.ui`, made pluggable: a Node test attaches a fake panel
 * (`createFakeUiPanel`), the browser playground attaches an iframe. The double clones every message and delivers
 * it on a later task, in order, queuing messages until the host says the panel is ready (Figma queues "messages sent
 * before the iframe loads", docs/figma-platform.md#messages).
 */
export interface UiHost {
  /** Receives one sandbox → UI message (already cloned), as the iframe's `event.data.pluginMessage`. */
  deliverToUi(message: unknown): void;
  /**
   * Called once, when the double is created, with the function the panel calls to send a UI → sandbox message
   * (what `parent.postMessage({ pluginMessage }, '*')` does in Figma). `origin` defaults to 'null', the origin of
   * Figma's data-URL iframe.
   */
  setOnMessageFromUi(send: (message: unknown, origin?: string) => void): void;
  /** `figma.showUI` was called (again): load `html` with these options. */
  open?(html: string, options: Readonly<ShowUIOptions>): void;
  /** Resolves when the panel can take messages; until then they wait in a queue. Missing means ready at once. */
  whenReady?(): Promise<void>;
  /** `figma.ui.resize`. */
  resize?(width: number, height: number): void;
  /** `figma.ui.show` / `hide`. */
  setVisible?(visible: boolean): void;
  /** `figma.ui.close` or `figma.closePlugin`. */
  close?(): void;
}
