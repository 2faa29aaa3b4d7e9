/**
 * The plugin's session half of the double's `figma` object (dev/figma-double/api/figma-api-double.ts): who and where
 * the plugin runs, its UI, storage, viewport and notifications, undo, events, and `closePlugin`, after which every
 * call fails. Under `documentAccess: "dynamic-page"` (docs/figma-platform.md#dynamic-page-loading) events arrive
 * asynchronously and `documentchange` needs every page loaded.
 */
import type { DoubleContext } from '../document/context.js';
import { ClientStorageDouble } from '../document/client-storage-double.js';
import type { EventCallback } from '../document/event-hub.js';
import { recordNotification, type NotificationRecord } from '../document/notifications.js';
import { UndoHistory } from '../document/undo-history.js';
import { ViewportDouble } from '../document/viewport-double.js';
import { figmaError, notImplementedError } from '../errors.js';
import { UiDouble } from '../ui/ui-double.js';
import { MIXED, type FigmaApiDoubleOptions } from './defaults.js';

/** The session members of the `figma` object. `$`-prefixed members are the double's own, for its helpers. */
export class PluginSessionDouble {
  readonly apiVersion = '1.0.0';
  readonly editorType = 'figma';
  readonly mode = 'default';
  readonly fileKey = undefined;
  readonly $undo: UndoHistory;
  readonly $notifications: NotificationRecord[] = [];
  readonly $ui: UiDouble;
  readonly $storage: ClientStorageDouble;
  readonly $viewport: ViewportDouble;

  constructor(
    readonly $ctx: DoubleContext,
    private readonly $options: FigmaApiDoubleOptions,
  ) {
    this.$undo = new UndoHistory($ctx);
    this.$ui = new UiDouble($ctx, $options.ui);
    this.$storage = new ClientStorageDouble($ctx, $options.clientStorage);
    this.$viewport = new ViewportDouble($ctx);
  }

  get mixed(): PluginAPI['mixed'] {
    return MIXED as PluginAPI['mixed'];
  }

  /** The context, once the plugin is known to be still open; `operation` names the call in the error otherwise. */
  protected $open(operation: string): DoubleContext {
    this.$ctx.assertOpen(operation);
    return this.$ctx;
  }

  get command(): string {
    this.$open('get_command');
    return this.$options.command;
  }

  get pluginId(): string {
    this.$open('get_pluginId');
    return this.$ctx.pluginId;
  }

  get currentUser(): User | null {
    this.$open('get_currentUser');
    return this.$options.currentUser;
  }

  get viewport(): ViewportAPI {
    this.$open('get_viewport');
    return this.$viewport;
  }

  get clientStorage(): ClientStorageAPI {
    this.$open('get_clientStorage');
    return this.$storage;
  }

  get ui(): UIAPI {
    this.$open('get_ui');
    return this.$ui;
  }

  showUI(html: string, options?: ShowUIOptions): void {
    this.$open('showUI');
    this.$ui.$open(html, options);
  }

  notify(message: string, options?: NotificationOptions): NotificationHandler {
    this.$open('notify');
    return recordNotification(this.$notifications, message, options);
  }

  /** Runs `close` listeners (synchronously, as Figma does), then shuts every API and the UI. */
  closePlugin(message?: string): void {
    if (this.$ctx.closed) return;
    this.$ctx.events.emitNow('close', undefined);
    this.$ctx.closed = { message };
    this.$ui.close();
    this.$ctx.events.clear();
    this.$ctx.nodeChanges.clear();
  }

  commitUndo(): void {
    this.$open('commitUndo');
    this.$undo.commit();
  }

  triggerUndo(): void {
    this.$open('triggerUndo');
    this.$undo.trigger();
  }

  on(type: string, callback: EventCallback): void {
    this.$listen('on', type, callback, false);
  }

  once(type: string, callback: EventCallback): void {
    this.$listen('once', type, callback, true);
  }

  off(type: string, callback: EventCallback): void {
    this.$open('off');
    this.$ctx.events.remove(type, callback);
  }

  private $listen(operation: string, type: string, callback: EventCallback, once: boolean): void {
    const ctx = this.$open(operation);
    if (type === 'documentchange') {
      if (!ctx.allPagesLoaded) {
        throw figmaError(operation, 'Cannot register documentchange without first calling figma.loadAllPagesAsync()');
      }
      throw notImplementedError("figma.on('documentchange')");
    }
    ctx.events.add(type, callback, once);
  }
}
