/**
 * Saves the proxy URL and token through the sandbox (clientStorage), then reloads the models with them: a URL this
 * build may not call fails there, and says so (ui/proxy-client.ts), while Settings is still open.
 */
import { appError } from '../../core/errors.js';
import { proxyUrlProblem, settingsSchema, type Settings } from '../../core/settings.js';
import { describeZodIssue } from '../../core/zod-issue.js';
import type { AppDeps } from './deps.js';
import { loadModelsAsync } from './load-models.js';
import { loadProxyModeAsync } from './load-proxy-mode.js';

/** True when saved; on failure the reason is in `state.error`. */
export async function saveSettingsAsync(deps: AppDeps, draft: Settings): Promise<boolean> {
  const { state, bridge } = deps;
  const urlProblem = proxyUrlProblem(draft.proxyUrl);
  if (urlProblem) {
    state.error.value = appError('bad_request', urlProblem);
    return false;
  }
  const checked = settingsSchema.safeParse(draft);
  if (!checked.success) {
    state.error.value = appError('bad_request', `Check the settings: ${describeZodIssue(checked.error, draft)}.`);
    return false;
  }
  // The Brand toggle is kept with the settings but set in the main view, not in this form: keep it as it is.
  const brand = state.settings.peek().brand;
  const saved = await bridge.request('SAVE_SETTINGS', {
    settings: { ...(brand !== undefined ? { brand } : {}), ...checked.data },
  });
  if (!saved.ok) {
    state.error.value = saved.error;
    return false;
  }
  state.settings.value = saved.value;
  state.error.value = null;
  // Reload the models with the new URL and token: a wrong one shows its error here, while Settings is still open.
  await Promise.all([loadModelsAsync(deps), loadProxyModeAsync(deps)]);
  return true;
}
