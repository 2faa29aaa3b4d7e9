/**
 * Keeps the footer's "what I have left" current (`GET /v1/usage/me`): read at start, again whenever the settings
 * change, and after each Generate ends (a result, a failure or a Cancel may all have been billed). A failed read
 * clears it rather than showing stale numbers; the run itself reports its own errors.
 */
import { effect } from '@preact/signals';
import type { AppDeps } from './deps.js';

/** Reads the designer's usage now; on failure the footer shows nothing. */
export async function loadUsageAsync({ state, proxyFor }: AppDeps): Promise<void> {
  const settings = state.settings.peek();
  const answer = await proxyFor(settings).getUsage();
  // The settings changed while it was read: that newer read will set it.
  if (state.settings.peek() !== settings) return;
  state.usage.value = answer.ok ? answer.value : null;
}

/** Reads the usage now, on each change of settings and after each run; returns the function that stops it. */
export function watchUsage(deps: AppDeps): () => void {
  let wasRunning = false;
  const stopSettings = effect(() => {
    void deps.state.settings.value;
    if (deps.state.settingsLoaded.value) void loadUsageAsync(deps);
  });
  const stopRuns = effect(() => {
    const running = deps.state.run.value !== null;
    if (wasRunning && !running) void loadUsageAsync(deps);
    wasRunning = running;
  });
  return () => {
    stopSettings();
    stopRuns();
  };
}
