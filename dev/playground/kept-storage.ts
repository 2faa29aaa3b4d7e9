/**
 * clientStorage is per person and machine and outlives the plugin (docs/figma-platform.md#clientstorage): the
 * playground keeps the double's in the browser's localStorage when the page goes away, so reloading the page is
 * reopening the plugin on the same machine (the panel's size is still there).
 */
import type { FigmaDouble } from '../figma-double/index.js';

const KEY = 'banana.playground.clientStorage';

/** What clientStorage held when this browser last left the playground (nothing on a first visit). */
export function keptClientStorage(): Record<string, unknown> {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return kept && typeof kept === 'object' ? (kept as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Keeps the double's clientStorage in localStorage whenever the page is left (a reload included). */
export function keepClientStorageOnLeave(double: FigmaDouble): void {
  addEventListener('pagehide', () => localStorage.setItem(KEY, JSON.stringify(double.clientStorageSnapshot())));
}
