/**
 * `figma.on` / `once` / `off`. Argument-free events that fire several times in one turn are delivered once
 * (several changes may be reported once: docs/figma-platform.md#events).
 */
import type { Scheduler } from './scheduler.js';

/** Any event callback, whatever its argument. */
export type EventCallback = (event: never) => unknown;

interface Listener {
  callback: EventCallback;
  once: boolean;
}

/** Listeners by event type, with asynchronous, coalesced delivery. */
export class EventHub {
  private readonly listeners = new Map<string, Listener[]>();
  private readonly queued = new Set<string>();

  constructor(
    private readonly scheduler: Scheduler,
    /** Called whenever an event is queued (selection and page changes matter to viewers too). */
    private readonly onQueue: () => void = () => undefined,
  ) {}

  add(type: string, callback: EventCallback, once: boolean): void {
    if (typeof callback !== 'function') throw new Error(`in on: Expected a callback function for "${type}"`);
    const list = this.listeners.get(type) ?? [];
    list.push({ callback, once });
    this.listeners.set(type, list);
  }

  remove(type: string, callback: EventCallback): void {
    const list = this.listeners.get(type);
    if (!list) return;
    const index = list.findIndex((l) => l.callback === callback);
    if (index >= 0) list.splice(index, 1);
  }

  /** Number of listeners for a type (test helper). */
  count(type: string): number {
    return this.listeners.get(type)?.length ?? 0;
  }

  /** Fires an argument-free event on a later task; repeated calls before it fires collapse into one. */
  emitLater(type: string): void {
    this.onQueue();
    if (this.queued.has(type)) return;
    this.queued.add(type);
    this.scheduler.later(() => {
      this.queued.delete(type);
      this.emitNow(type, undefined);
    });
  }

  /** Fires an event with an argument on a later task. */
  emitLaterWith(type: string, event: unknown): void {
    this.scheduler.later(() => this.emitNow(type, event));
  }

  /** Fires an event right now (for `close`, whose handlers run synchronously before the plugin goes away). */
  emitNow(type: string, event: unknown): void {
    const list = this.listeners.get(type);
    if (!list || list.length === 0) return;
    for (const listener of [...list]) {
      if (listener.once) this.remove(type, listener.callback);
      (listener.callback as (event: unknown) => unknown)(event);
    }
  }

  /** Drops every listener (after the plugin closes). */
  clear(): void {
    this.listeners.clear();
    this.queued.clear();
  }
}
