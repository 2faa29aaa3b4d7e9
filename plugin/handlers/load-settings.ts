/** LOAD_SETTINGS: the stored proxy URL and token, or the defaults. */
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import type { HandlerContext } from '../handler-context.js';
import { loadSettingsAsync } from '../settings-store.js';

export const handleLoadSettings: UiMessageHandlers<HandlerContext>['LOAD_SETTINGS'] = async (_message, { figma }) =>
  ok(await loadSettingsAsync(figma.clientStorage));
