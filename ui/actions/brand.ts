/**
 * The Brand toggle's actions (docs/brand.md): read the file's brand from the sandbox, turn the toggle on or off (kept
 * in the settings, in clientStorage on this machine), and mark or clear the brand frame (kept in the file, shared
 * with the team). A press reads the brand again, so what is sent is the file's brand as it is then, and the panel's
 * disclosure, drawn from the same state, shows that.
 */
import type { BrandContext } from '../../core/brand-context.js';
import type { AppDeps } from './deps.js';

/** What the panel's Brand section may do. */
export interface BrandActions {
  /** Reads the file's brand again (and the logo's thumbnail). */
  loadAsync(): Promise<void>;
  /** Turns the toggle on or off, and keeps the choice. */
  setOnAsync(on: boolean): Promise<void>;
  /** Marks the one selected layer as the file's brand frame. */
  markFrameAsync(): Promise<void>;
  /** Clears the file's brand frame. */
  clearFrameAsync(): Promise<void>;
}

/** The brand actions bound to `deps`; `loadThumbnailsAsync` fetches the logo's thumbnail (ui/actions/load-thumbnails.ts). */
export function createBrandActions(
  deps: AppDeps,
  loadThumbnailsAsync: (nodeIds: readonly string[]) => Promise<void>,
): BrandActions {
  const { state, bridge } = deps;
  const showLogo = async (): Promise<void> => {
    const logo = state.brand.peek()?.frame?.logo;
    if (logo) await loadThumbnailsAsync([logo.nodeId]);
  };
  const loadAsync = async (): Promise<void> => {
    const read = await bridge.request('READ_BRAND', {});
    if (!read.ok) {
      state.error.value = read.error;
      return;
    }
    state.brand.value = read.value;
    await showLogo();
  };
  const setFrameAsync = async (nodeId: string | null): Promise<void> => {
    const set = await bridge.request('SET_BRAND_FRAME', { nodeId });
    if (!set.ok) {
      state.error.value = set.error;
      return;
    }
    state.brand.value = set.value;
    state.error.value = null;
    await showLogo();
  };
  return {
    loadAsync,
    setOnAsync: async (on) => {
      const settings = { ...state.settings.peek(), brand: on };
      state.settings.value = settings;
      const saved = await bridge.request('SAVE_SETTINGS', { settings });
      if (!saved.ok) state.error.value = saved.error;
      if (on) await loadAsync();
    },
    markFrameAsync: async () => {
      const selected = state.selection.peek();
      if (state.selectionCount.peek() !== 1 || !selected[0]) return;
      await setFrameAsync(selected[0].id);
    },
    clearFrameAsync: () => setFrameAsync(null),
  };
}

/**
 * The brand a press sends: null while the toggle is off; otherwise the file's brand read again now (a style changed
 * since the last read is sent as it is), or, should that read fail, the one the panel shows.
 */
export async function brandAtPressAsync(deps: AppDeps): Promise<BrandContext | null> {
  const { state, bridge } = deps;
  if (!state.brandOn.peek()) return null;
  const read = await bridge.request('READ_BRAND', {});
  if (read.ok) state.brand.value = read.value;
  return state.brandContext.peek();
}
