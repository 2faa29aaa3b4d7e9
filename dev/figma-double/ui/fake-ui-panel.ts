/**
 * A panel for Node tests: records what the sandbox sends, lets the test send messages back, and can hold back
 * readiness to show that early messages are queued.
 */
import type { UiHost } from './ui-host.js';

/** A UiHost that a test can drive. */
export interface FakeUiPanel extends UiHost {
  /** Messages the panel received, in order. */
  readonly received: unknown[];
  /** The html and options of the last `showUI`, or null before it. */
  readonly shown: { html: string; options: Readonly<ShowUIOptions> } | null;
  readonly size: { width: number; height: number } | null;
  readonly visible: boolean;
  readonly closed: boolean;
  /** Sends a UI → sandbox message. */
  post(message: unknown): void;
  /** Lets queued messages through (only needed when created with `ready: false`). */
  markReady(): void;
  /** The next message the panel receives (or the oldest one not yet taken). */
  nextMessageAsync(): Promise<unknown>;
}

/** A fake panel; with `ready: false`, messages wait until `markReady()`. */
export function createFakeUiPanel(options: { ready?: boolean } = {}): FakeUiPanel {
  let send: ((message: unknown, origin?: string) => void) | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  if (options.ready !== false) markReady();
  let taken = 0;
  const waiting: ((message: unknown) => void)[] = [];
  const panel: FakeUiPanel = {
    received: [],
    shown: null,
    size: null,
    visible: false,
    closed: false,
    deliverToUi(message) {
      panel.received.push(message);
      const next = waiting.shift();
      if (next) {
        taken++;
        next(message);
      }
    },
    setOnMessageFromUi(callback) {
      send = callback;
    },
    open(html, opts) {
      Object.assign(panel, {
        shown: { html, options: opts },
        size: { width: opts.width ?? 300, height: opts.height ?? 200 },
        visible: opts.visible !== false,
        closed: false,
      });
    },
    whenReady: () => ready,
    resize(width, height) {
      Object.assign(panel, { size: { width, height } });
    },
    setVisible(visible) {
      Object.assign(panel, { visible });
    },
    close() {
      Object.assign(panel, { closed: true, visible: false });
    },
    post(message) {
      if (!send) throw new Error('The fake panel is not attached to a Figma double');
      send(message);
    },
    markReady: () => markReady(),
    nextMessageAsync() {
      if (taken < panel.received.length) return Promise.resolve(panel.received[taken++]);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
  return panel;
}
