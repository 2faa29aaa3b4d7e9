/**
 * Reads the proxy's `/health` for its mode, so the panel can show when images come from the offline double rather
 * than Gemini. A failed read only clears the mode: the model list, loaded alongside, reports what went wrong.
 */
import type { AppDeps } from './deps.js';

export async function loadProxyModeAsync({ state, proxyFor }: AppDeps): Promise<void> {
  const health = await proxyFor(state.settings.peek()).getHealth();
  state.proxyMode.value = health.ok ? health.value.mode : null;
}
