/**
 * Builds the running plugin from an injected `figma` (the real one from main.ts, or the Figma double): opens
 * the panel with Figma's theme colours, answers its messages, and tells it whenever the selection or the page's
 * history changes.
 */
import { appError } from '../core/errors.js';
import { DEFAULT_PANEL_SIZE, type PanelSize } from '../core/panel-size.js';
import { newTurnId } from '../core/turn-id.js';
import { createSandboxBridge } from './bridge.js';
import type { SandboxFigma } from './sandbox-figma.js';
import type { HandlerContext } from './handler-context.js';
import { handlers } from './handlers/index.js';
import { postSelectionAsync } from './post-selection.js';
import { createHistoryIndex } from './history-index.js';
import { watchHistory } from './watch-history.js';

/**
 * `showUI` options: the panel's size, its title, and Figma's `--figma-color-*` variables
 * (docs/figma-platform.md#theme-colours).
 */
export const UI_OPTIONS: ShowUIOptions = { ...DEFAULT_PANEL_SIZE, themeColors: true, title: 'Banana Studio' };

export interface PluginOptions {
  /** Clock for turn records; the real time by default. */
  now?: () => Date;
  /** Turn ids; {@link newTurnId} by default. */
  newId?: () => string;
  /** The size to open the panel at (the one kept in clientStorage: plugin/settings-store.ts); UI_OPTIONS' otherwise. */
  panelSize?: PanelSize;
}

export interface RunningPlugin {
  /** Stops listening to the panel and to selection changes. */
  close(): void;
}

/** Starts Banana Studio's sandbox side. */
export function createPlugin(figma: SandboxFigma, html: string, options: PluginOptions = {}): RunningPlugin {
  figma.showUI(html, { ...UI_OPTIONS, ...options.panelSize });
  const bridge = createSandboxBridge(figma);
  const context: HandlerContext = {
    figma,
    post: bridge.post,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => newTurnId()),
    history: createHistoryIndex(figma),
  };
  bridge.listen(handlers, context);
  const onSelectionChange = (): void => {
    postSelectionAsync(context).catch((thrown: unknown) => {
      const detail = thrown instanceof Error ? thrown.message : String(thrown);
      context.post({ type: 'ERROR', error: appError('internal_error', `Could not read the selection (${detail}).`) });
    });
  };
  figma.on('selectionchange', onSelectionChange);
  const stopWatching = watchHistory(
    figma,
    () => {
      context.history.invalidate();
      context.post({ type: 'HISTORY_CHANGED' });
    },
    // The selection is the same but its look changed: tell the panel again (its image hash is what it knew).
    onSelectionChange,
    context.history.isTemporary,
  );
  return {
    close() {
      figma.off('selectionchange', onSelectionChange);
      stopWatching();
      bridge.close();
    },
  };
}
