/**
 * Settings in `figma.clientStorage`: local to this person and machine, never synced, never in the document
 * (docs/figma-platform.md#clientstorage). The team token lives here and nowhere else.
 */
import { settingsOrDefault, type Settings } from '../core/settings.js';

/** clientStorage key of the settings. */
export const SETTINGS_KEY = 'banana.settings';

/** The stored settings, or the defaults when none (or something unreadable) is stored. */
export async function loadSettingsAsync(storage: ClientStorageAPI): Promise<Settings> {
  return settingsOrDefault(await storage.getAsync(SETTINGS_KEY));
}

/** Stores already-validated settings. */
export async function saveSettingsAsync(storage: ClientStorageAPI, settings: Settings): Promise<void> {
  await storage.setAsync(SETTINGS_KEY, { proxyUrl: settings.proxyUrl, token: settings.token });
}
