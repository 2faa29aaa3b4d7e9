/**
 * The factory: `createFigmaDouble(options)` gives a fresh document (one empty page, "Page 1") and the `figma`
 * object to hand to plugin code, plus helpers that let a test or the playground look at and drive what Figma would
 * show: notifications, the UI, undo, events, saved documents and rendered pixels.
 */
import { DEFAULT_USER } from './api/defaults.js';
import { FigmaApiDouble } from './api/figma-api-double.js';
import { DoubleContext } from './document/context.js';
import { describeContext, type NodeDescription } from './document/describe-nodes.js';
import { hitTest } from './document/hit-test.js';
import type { NotificationRecord } from './document/notifications.js';
import {
  loadIntoContext,
  serializeContext,
  type SerializedDocument,
  type SerializeOptions,
} from './document/serialize-document.js';
import type { FigmaDoubleApi } from './figma-double-api.js';
import { makeNode } from './nodes/make-node.js';
import type { DocumentDouble } from './nodes/document-double.js';
import { expose, unwrap } from './nodes/node-double.js';
import type { PageDouble } from './nodes/page-double.js';
import { insertChild, pageOf } from './nodes/tree.js';
import type { RenderedPixels } from './render/canvas.js';
import { renderForExport } from './render/export-node.js';
import type { UiState } from './ui/ui-double.js';
import type { UiHost } from './ui/ui-host.js';

/** Options for a new double. */
export interface FigmaDoubleOptions {
  /** `figma.currentUser`; null models a plugin without the `currentuser` permission. Default: a fixed user. */
  currentUser?: User | null;
  /** The panel side of `figma.ui`; without one, messages to the UI are queued and dropped. */
  ui?: UiHost;
  /** `figma.pluginId`, which plugin data and clientStorage are keyed by. */
  pluginId?: string;
  /** `figma.command`. */
  command?: string;
  /** What clientStorage already holds (it is per user and machine, so a teammate starts empty). */
  clientStorage?: Record<string, unknown>;
}

/** A double and its helpers. */
export interface FigmaDouble {
  /** The object to pass to plugin code. */
  readonly figma: FigmaDoubleApi;
  /** Every `figma.notify`, in order (messages already cut to 100 characters). */
  readonly notifications: readonly NotificationRecord[];
  /** Node ids of each `figma.viewport.scrollAndZoomIntoView` call. */
  readonly scrolledIntoView: readonly (readonly string[])[];
  /** How many times the plugin called `figma.commitUndo()`. */
  readonly undoCommits: number;
  /** Set once the plugin has called `figma.closePlugin(message?)`. */
  readonly closed: { message: string | undefined } | null;
  /** What `figma.showUI` / `figma.ui` did. */
  readonly ui: Readonly<UiState>;
  /** Waits until queued events and messages have been delivered (rethrows an error a listener threw). */
  flushAsync(): Promise<void>;
  /** Fires `run` (asynchronously), as Figma does when the plugin starts or a parameter run completes. */
  run(event?: RunEvent): void;
  /** The user presses ⌘Z (same as `figma.triggerUndo()`, but allowed after the plugin closed). */
  undo(): void;
  /**
   * Ends an undo step for an edit the user made (the playground's own drawing), without counting it as the plugin's
   * `commitUndo`, and also after the plugin closed.
   */
  commitUserEdit(): void;
  /** Makes the document as it is now the oldest undo state (as when a file is opened). */
  resetUndoHistory(): void;
  /** Bytes clientStorage holds. */
  clientStorageBytes(): number;
  /** A copy of everything clientStorage holds (what the playground keeps across reloads). */
  clientStorageSnapshot(): Record<string, unknown>;
  /** The saved document (see serializeDocument). */
  serialize(options?: SerializeOptions): SerializedDocument;
  /**
   * Replaces the document in place with a saved one; node objects from before become removed. The current page is
   * then another node with an empty selection, so `currentpagechange` and `selectionchange` fire, as when a person
   * switches to a page (a running plugin sees the file it was opened on change under it).
   */
  load(doc: SerializedDocument): void;
  /** Every node as plain JSON. */
  describeNodes(): NodeDescription[];
  /** Renders a node (or page) like `exportAsync`, as RGBA pixels (for drawing the playground's canvas). */
  renderPixels(node: SceneNode | PageNode, settings?: Partial<ExportSettingsImage>): RenderedPixels;
  /**
   * Calls `listener` (on a later task, once per burst) whenever the document, the selection or the current page
   * changes, also after the plugin closed. Returns a function that stops it.
   */
  onChange(listener: () => void): () => void;
  /** The user selects nodes on the current page (fires `selectionchange`; works after the plugin closed). */
  userSelect(nodes: readonly SceneNode[]): void;
  /** What a click at page point (x, y) selects: the top-most top-level node there, or null. */
  hitTest(x: number, y: number): SceneNode | null;
}

const doubles = new WeakMap<object, FigmaDouble>();

/** A new double with an empty one-page document. */
export function createFigmaDouble(options: FigmaDoubleOptions = {}): FigmaDouble {
  const ctx = new DoubleContext(options.pluginId ?? 'banana-studio-dev', makeNode, 1);
  const root = ctx.make<DocumentDouble>('DOCUMENT', '0:0');
  ctx.root = root;
  const page = ctx.make<PageDouble>('PAGE', '0:1');
  page.$state = { ...page.$state, name: 'Page 1' };
  ctx.loadedPages.add(page.id);
  insertChild(root, null, page, 'createFigmaDouble');
  ctx.currentPage = page;
  const api = new FigmaApiDouble(ctx, {
    pluginId: ctx.pluginId,
    currentUser: options.currentUser === undefined ? DEFAULT_USER : options.currentUser,
    ui: options.ui ?? null,
    command: options.command ?? '',
    clientStorage: options.clientStorage ?? {},
  });
  api.$undo.reset();
  const double: FigmaDouble = {
    figma: api,
    notifications: api.$notifications,
    scrolledIntoView: api.$viewport.scrolledTo,
    get undoCommits() {
      return api.$undo.commits;
    },
    get closed() {
      return ctx.closed;
    },
    ui: api.$ui.state,
    flushAsync: () => ctx.scheduler.flushAsync(),
    run: (event = { command: options.command ?? '', parameters: undefined }) => ctx.events.emitLaterWith('run', event),
    undo: () => void api.$undo.trigger(),
    commitUserEdit: () => api.$undo.commit(false),
    resetUndoHistory: () => api.$undo.reset(),
    clientStorageBytes: () => api.$storage.usedBytes(),
    clientStorageSnapshot: () => api.$storage.snapshot(),
    serialize: (opts) => serializeContext(ctx, opts),
    load: (doc) => {
      loadIntoContext(ctx, doc);
      api.$undo.reset();
      if (!ctx.closed) {
        ctx.events.emitLater('currentpagechange');
        ctx.events.emitLater('selectionchange');
      }
    },
    describeNodes: () => describeContext(ctx),
    renderPixels: (node, settings = {}) =>
      renderForExport(unwrap(node, 'renderPixels', ctx), settings).canvas.toRgba8(),
    onChange: (listener) => {
      ctx.viewers.add(listener);
      return () => void ctx.viewers.delete(listener);
    },
    userSelect: (nodes) => {
      const page = ctx.currentPage;
      const picked = nodes.map((n) => unwrap(n, 'userSelect', ctx));
      if (picked.some((n) => pageOf(n) !== page)) throw new Error('userSelect: every node must be on the current page');
      page.$selection = [...new Set(picked)];
      ctx.events.emitLater('selectionchange');
    },
    hitTest: (x, y) => {
      const node = hitTest(ctx, x, y);
      return node ? expose<SceneNode>(node) : null;
    },
  };
  doubles.set(api, double);
  return double;
}

/** The helpers of the double behind a `figma` object (throws for anything else). */
export function doubleOf(figma: FigmaDoubleApi): FigmaDouble {
  const double = doubles.get(figma);
  if (!double) throw new Error('Not a Figma double: create one with createFigmaDouble()');
  return double;
}

/** The document as plain JSON: nodes, state, paints, plugin data, images as base64; ids kept. */
export function serializeDocument(figma: FigmaDoubleApi, options?: SerializeOptions): SerializedDocument {
  return doubleOf(figma).serialize(options);
}

/** Opens a saved document in a new double (a new session: new ids can't collide with saved ones). */
export function loadDocument(doc: SerializedDocument, options: FigmaDoubleOptions = {}): FigmaDouble {
  const double = createFigmaDouble(options);
  double.load(doc);
  return double;
}

/** Every node of the double behind `figma` as plain JSON. */
export function describeNodes(figma: FigmaDoubleApi): NodeDescription[] {
  return doubleOf(figma).describeNodes();
}
