/** What every message handler gets besides its message. */
import type { SandboxMessage } from '../core/messages.js';
import type { HistoryIndex } from './history-index.js';
import type { SandboxFigma } from './sandbox-figma.js';

export interface HandlerContext {
  figma: SandboxFigma;
  /** Sends a message to the panel (through the bridge, the only caller of `figma.ui.postMessage`). */
  post(message: SandboxMessage): void;
  /** The current time, for `createdAt` in turn records. */
  now(): Date;
  /** A fresh turn id. */
  newId(): string;
  /** The current page's turn records, read once per change (plugin/history-index.ts). */
  history: HistoryIndex;
}
