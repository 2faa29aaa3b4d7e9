/**
 * Reads the page's turn records again (READ_HISTORY) when the selection or the page's history changed. Bursts
 * collapse: while one read is in flight, any number of further asks make exactly one more read after it, so the
 * panel always ends up showing the latest state without queueing a read per event. The history held is marked current
 * only by a read that no later ask overtook, so a Generate can use it without asking the sandbox again
 * (ui/actions/plan-press.ts).
 */
import type { AppDeps } from './deps.js';

/** Returns `refresh()`, which resolves once the history shown is at least as new as the moment it was called. */
export function createHistoryRefresher(deps: Pick<AppDeps, 'state' | 'bridge'>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const readAsync = async (): Promise<void> => {
    do {
      again = false;
      const read = await deps.bridge.request('READ_HISTORY', {});
      // A history that cannot be read only costs the History view; the rest of the panel carries on.
      if (read.ok) {
        deps.state.history.value = read.value;
        if (!again) deps.state.historyCurrent.value = true;
      }
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = readAsync().finally(() => {
      running = null;
    });
    return running;
  };
}
