/**
 * Settings in `figma.clientStorage`: local to this person and machine, never synced, never in the document
 * (docs/figma-platform.md#clientstorage). The team token lives here and nowhere else.
 */
import { clampPanelSize, panelSizeOrDefault, type PanelSize } from '../core/panel-size.js';
import { settingsOrDefault, type Settings } from '../core/settings.js';

/** clientStorage key of the settings. */
export const SETTINGS_KEY = 'banana.settings';

/** The stored settings, or the defaults when none (or something unreadable) is stored. */
export async function loadSettingsAsync(storage: ClientStorageAPI): Promise<Settings> {
  return settingsOrDefault(await storage.getAsync(SETTINGS_KEY));
}

/** Stores already-validated settings. */
export async function saveSettingsAsync(storage: ClientStorageAPI, settings: Settings): Promise<void> {
  await storage.setAsync(SETTINGS_KEY, {
    proxyUrl: settings.proxyUrl,
    token: settings.token,
    // The Brand toggle (docs/brand.md), kept only once the person has set it.
    ...(settings.brand !== undefined ? { brand: settings.brand } : {}),
  });
}

/** clientStorage key of the panel's window size, as the corner last left it. */
export const PANEL_SIZE_KEY = 'banana.panelSize';

/** The panel size to open at: the one kept, clamped, or the default. */
export async function loadPanelSizeAsync(storage: ClientStorageAPI): Promise<PanelSize> {
  return panelSizeOrDefault(await storage.getAsync(PANEL_SIZE_KEY));
}

/** Keeps the panel's size for the next start, clamped. */
export async function savePanelSizeAsync(storage: ClientStorageAPI, size: PanelSize): Promise<void> {
  const { width, height } = clampPanelSize(size);
  await storage.setAsync(PANEL_SIZE_KEY, { width, height });
}
