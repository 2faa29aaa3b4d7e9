/**
 * `figma.showUI` and `figma.ui` (`PluginAPI.showUI`, `ShowUIOptions`, `UIAPI`). Messages are cloned when they cross
 * (only Uint8Array among binary types) and arrive on a later task, in order; sandbox → UI messages wait until the host
 * is ready.
 */
import type { DoubleContext } from '../document/context.js';
import type { EventCallback } from '../document/event-hub.js';
import { figmaError } from '../errors.js';
import { cloneMessage } from './check-message.js';
import type { UiHost } from './ui-host.js';

/** What the double remembers about its UI (for tests and the playground). */
export interface UiState {
  html: string | null;
  options: Readonly<ShowUIOptions> | null;
  visible: boolean;
  width: number;
  height: number;
  position: Vector | null;
  open: boolean;
}

/**
 * Figma's UI defaults and minimum sizes (`PluginAPI.showUI`; dev/figma-double/README.md#what-it-follows-from-figma).
 */
const DEFAULT_SIZE = { width: 300, height: 200 };
const MIN_WIDTH = 70;
const MIN_HEIGHT = 0;

/** The `figma.ui` object. */
export class UiDouble implements UIAPI {
  readonly state: UiState = { html: null, options: null, visible: false, ...DEFAULT_SIZE, position: null, open: false };
  private readonly queue: unknown[] = [];
  private ready = false;
  private generation = 0;
  private handler: MessageEventHandler | undefined;
  private readonly listeners: { callback: MessageEventHandler; once: boolean }[] = [];

  constructor(
    private readonly ctx: DoubleContext,
    private readonly host: UiHost | null,
  ) {
    host?.setOnMessageFromUi((message, origin) => this.receive(message, origin ?? 'null'));
  }

  /** `figma.showUI`: a second call replaces the first UI. */
  $open(html: string, options: ShowUIOptions = {}): void {
    if (typeof html !== 'string') throw figmaError('showUI', 'Expected "html" to be a string');
    if (this.state.open) this.close();
    const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_SIZE.width);
    const height = Math.max(MIN_HEIGHT, options.height ?? DEFAULT_SIZE.height);
    Object.assign(this.state, {
      html,
      options: Object.freeze({ ...options }),
      visible: options.visible !== false,
      width,
      height,
      position: options.position ?? null,
      open: true,
    });
    const generation = ++this.generation;
    this.ready = false;
    this.host?.open?.(html, this.state.options!);
    const whenReady = this.host?.whenReady?.() ?? Promise.resolve();
    void whenReady.then(() => {
      if (generation !== this.generation || !this.state.open) return;
      this.ready = true;
      this.flush();
    });
  }

  postMessage(pluginMessage: unknown, _options?: UIPostMessageOptions): void {
    this.ctx.assertOpen('postMessage');
    if (this.state.html === null) throw figmaError('postMessage', 'No UI to post to. Call figma.showUI() first.');
    if (!this.state.open) return; // the iframe is gone; Figma drops the message
    this.queue.push(cloneMessage(pluginMessage, 'postMessage'));
    if (this.ready) this.flush();
  }

  private flush(): void {
    const generation = this.generation;
    this.ctx.scheduler.later(() => {
      while (generation === this.generation && this.ready && this.queue.length > 0) {
        this.host?.deliverToUi(this.queue.shift());
      }
    });
  }

  /** A UI → sandbox message arrives: cloned, then handed to `onmessage` and `on('message')` on a later task. */
  private receive(message: unknown, origin: string): void {
    if (this.ctx.closed || !this.state.open) return;
    const copy = cloneMessage(message, 'parent.postMessage');
    this.ctx.scheduler.later(() => {
      if (this.ctx.closed || !this.state.open) return;
      const props: OnMessageProperties = { origin };
      this.handler?.(copy, props);
      for (const listener of [...this.listeners]) {
        if (listener.once) this.off('message', listener.callback);
        listener.callback(copy, props);
      }
    });
  }

  get onmessage(): MessageEventHandler | undefined {
    return this.handler;
  }
  set onmessage(handler: MessageEventHandler | undefined) {
    this.ctx.assertOpen('set_onmessage');
    this.handler = handler;
  }

  on(type: 'message', callback: MessageEventHandler): void {
    this.addListener(type, callback, false, 'on');
  }

  once(type: 'message', callback: MessageEventHandler): void {
    this.addListener(type, callback, true, 'once');
  }

  off(type: 'message', callback: MessageEventHandler): void {
    const at = this.listeners.findIndex((l) => l.callback === callback);
    if (type === 'message' && at >= 0) this.listeners.splice(at, 1);
  }

  private addListener(
    type: string,
    callback: EventCallback | MessageEventHandler,
    once: boolean,
    operation: string,
  ): void {
    this.ctx.assertOpen(operation);
    if (type !== 'message') throw figmaError(operation, `Unknown UI event "${type}"`);
    if (typeof callback !== 'function') throw figmaError(operation, 'Expected a callback');
    this.listeners.push({ callback: callback as MessageEventHandler, once });
  }

  show(): void {
    this.requireUi('show');
    this.state.visible = true;
    this.host?.setVisible?.(true);
  }

  hide(): void {
    this.requireUi('hide');
    this.state.visible = false;
    this.host?.setVisible?.(false);
  }

  resize(width: number, height: number): void {
    this.requireUi('resize');
    if (!Number.isFinite(width) || !Number.isFinite(height)) throw figmaError('resize', 'Expected numbers');
    this.state.width = Math.max(MIN_WIDTH, width);
    this.state.height = Math.max(MIN_HEIGHT, height);
    this.host?.resize?.(this.state.width, this.state.height);
  }

  reposition(x: number, y: number): void {
    this.requireUi('reposition');
    this.state.position = { x, y };
  }

  getPosition(): { windowSpace: Vector; canvasSpace: Vector } {
    this.requireUi('getPosition');
    const p = this.state.position ?? { x: 0, y: 0 };
    return { windowSpace: { ...p }, canvasSpace: { ...p } };
  }

  close(): void {
    if (!this.state.open) return;
    this.state.open = false;
    this.state.visible = false;
    this.ready = false;
    this.generation++;
    this.queue.length = 0;
    this.host?.close?.();
  }

  private requireUi(operation: string): void {
    this.ctx.assertOpen(operation);
    if (!this.state.open) throw figmaError(operation, 'No UI is open. Call figma.showUI() first.');
  }
}
