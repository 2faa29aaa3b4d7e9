/**
 * "Apply in place": a per-turn choice, near Generate, to put an image layer's edit into that layer's own image fill
 * (one undo step; plugin/apply-in-place.ts) instead of a new layer beside it, which stays the default. When it is
 * offered: ui/apply-in-place-offered.ts.
 */
import { applyInPlaceOffered } from '../apply-in-place-offered.js';
import type { AppState } from '../state.js';

export interface ApplyInPlaceProps {
  /** The panel's state: the target, the variant count and the tick (read here, as a wired part). */
  state: AppState;
}

/** The checkbox, wired to `state.applyInPlaceFor`; nothing when it is not offered. */
export function ApplyInPlace({ state }: ApplyInPlaceProps) {
  const target = state.target.value;
  if (!applyInPlaceOffered(target, state.variants.count.value)) return null;
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={state.applyInPlaceFor.value === target.id}
        disabled={state.run.value !== null}
        onChange={(event) => (state.applyInPlaceFor.value = event.currentTarget.checked ? target.id : null)}
      />
      <span>
        Apply in place
        <span class="muted"> · replace {target.name}’s image (⌘Z undoes it) instead of adding a layer</span>
      </span>
    </label>
  );
}
