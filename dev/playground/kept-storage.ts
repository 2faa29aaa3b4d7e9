/**
 * clientStorage is per person and machine and outlives the plugin (docs/figma-platform.md#clientstorage): the
 * playground keeps the double's in the browser's localStorage when the page goes away, so reloading the page is
 * reopening the plugin on the same machine (the panel's size and a pasted team token are still there). The open
 * document is kept too, in the tab's sessionStorage, so the reload reopens the same file.
 */
import type { FigmaDouble, SerializedDocument } from '../figma-double/index.js';

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

/** Where the open document waits across a reload: this tab's sessionStorage (a new tab opens the sample). */
const DOCUMENT_KEY = 'banana.playground.document';
let forgetting = false;

/** The document this tab had open when it was last left, or null (a first visit, Reset, or one too big to keep). */
export function keptDocument(): SerializedDocument | null {
  try {
    const kept = sessionStorage.getItem(DOCUMENT_KEY);
    return kept ? (JSON.parse(kept) as SerializedDocument) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the open document in sessionStorage whenever the page is left, so a reload reopens the same file (as
 * reopening the plugin in Figma does), its plugin data and file key included. One past the storage's quota is not
 * kept: the reload then opens the sample.
 */
export function keepDocumentOnLeave(double: FigmaDouble): void {
  addEventListener('pagehide', () => {
    if (forgetting) return;
    try {
      sessionStorage.setItem(DOCUMENT_KEY, JSON.stringify(double.serialize()));
    } catch {
      sessionStorage.removeItem(DOCUMENT_KEY);
    }
  });
}

/** Forgets the kept document for good (Reset): the reload that follows opens the sample. */
export function forgetKeptDocument(): void {
  forgetting = true;
  sessionStorage.removeItem(DOCUMENT_KEY);
}
