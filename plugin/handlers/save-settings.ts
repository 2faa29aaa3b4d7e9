/** SAVE_SETTINGS: store the (already validated) settings in clientStorage and answer with what was stored. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import type { HandlerContext } from '../handler-context.js';
import { loadSettingsAsync, saveSettingsAsync } from '../settings-store.js';

export const handleSaveSettings: UiMessageHandlers<HandlerContext>['SAVE_SETTINGS'] = async (message, { figma }) => {
  await saveSettingsAsync(figma.clientStorage, message.settings);
  return ok(await loadSettingsAsync(figma.clientStorage));
};
