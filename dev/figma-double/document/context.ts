/**
 * Everything one Figma double shares: the node registry, images, fonts, events, the plugin's open/closed state and
 * which pages are loaded. Nodes hold a reference to it; nothing here is global, so tests can run many doubles.
 */
import { closedError } from '../errors.js';
import { ImageStore } from '../images/image-store.js';
import type { DocumentDouble } from '../nodes/document-double.js';
import type { NodeDouble } from '../nodes/node-double.js';
import type { PageDouble } from '../nodes/page-double.js';
import { EventHub } from './event-hub.js';
import { FontBook } from './font-book.js';
import { NodeChangeHub } from './node-change-hub.js';
import { Scheduler } from './scheduler.js';
import { StyleBook } from '../styles/style-book.js';

/** Makes an empty node of a type with a given id (set up by the factory, which knows every node class). */
export type NodeMaker = (ctx: DoubleContext, type: NodeType, id: string) => NodeDouble;

/** Shared state of one double. */
export class DoubleContext {
  readonly images = new ImageStore();
  readonly fonts = new FontBook();
  /** Local paint and text styles, variable collections and variables. */
  readonly styles = new StyleBook();
  readonly scheduler = new Scheduler();
  readonly events = new EventHub(this.scheduler, () => this.poke());
  /** `PageNode.on('nodechange')` listeners. */
  readonly nodeChanges = new NodeChangeHub(this);
  /** Every node ever made, by id, removed ones included (undo can bring them back). */
  readonly registry = new Map<string, NodeDouble>();
  /** Pages whose contents are loaded (dynamic-page). */
  readonly loadedPages = new Set<string>();
  root!: DocumentDouble;
  currentPage!: PageDouble;
  allPagesLoaded = false;
  closed: { message: string | undefined } | null = null;
  /** Bumped on every document change; undo compares it with the last checkpoint. */
  revision = 0;
  private counter = 1;
  /** Callbacks of `FigmaDouble.onChange` (the playground redraws with them). */
  readonly viewers = new Set<() => void>();
  private viewersQueued = false;

  constructor(
    readonly pluginId: string,
    private readonly maker: NodeMaker,
    /** The session part of new ids ("<session>:<n>"), different for each person who opens the file. */
    public session: number,
  ) {}

  /** A fresh id in Figma's "<session>:<local>" form. */
  newId(): string {
    let id: string;
    do id = `${this.session}:${++this.counter}`;
    while (this.registry.has(id));
    return id;
  }

  /** Makes and registers a node of `type`. */
  make<T extends NodeDouble>(type: NodeType, id: string = this.newId()): T {
    const node = this.maker(this, type, id);
    this.registry.set(id, node);
    return node as T;
  }

  /** Throws once the plugin has closed. */
  assertOpen(operation: string): void {
    if (this.closed) throw closedError(operation);
  }

  /** Records that the document changed. */
  changed(): void {
    this.revision++;
    this.nodeChanges.schedule();
    this.poke();
  }

  /** Tells viewers, once per burst and on a later task, that what the canvas shows may have changed. */
  poke(): void {
    if (this.viewers.size === 0 || this.viewersQueued) return;
    this.viewersQueued = true;
    this.scheduler.later(() => {
      this.viewersQueued = false;
      for (const viewer of [...this.viewers]) viewer();
    });
  }

  /** Whether a page's contents may be read and changed. */
  isLoaded(page: PageDouble): boolean {
    return this.allPagesLoaded || this.loadedPages.has(page.id);
  }
}
