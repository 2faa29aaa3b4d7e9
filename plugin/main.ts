/**
 * Figma's entry point: the only file that reads the `figma` and `__html__` globals. Everything else gets them
 * passed in, so the same code runs against the Figma double.
 */
import { createPlugin } from './create-plugin.js';
import { loadPanelSizeAsync } from './settings-store.js';

// Opens the panel at the size its corner last left it (the default when none is kept or it cannot be read).
void loadPanelSizeAsync(figma.clientStorage)
  .catch(() => undefined)
  .then((panelSize) => createPlugin(figma, __html__, { panelSize }));
