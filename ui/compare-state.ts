/**
 * The panel's state for comparing (docs/architecture.md#before-and-after): which side of which comparison the
 * designer pressed, and the Before picture read for it. Part of `createAppState()` as `state.compare`. Nothing on
 * the canvas changes: only the panel's preview swaps.
 */
import { signal } from '@preact/signals';

/** The picture of the compared layer as read for the press: its thumbnail, or that the layer is gone. */
export type ComparePicture = { nodeId: string; src: string } | { nodeId: string; gone: true };

export function createCompareState() {
  /** The side shown, for the comparison `key` (the result's id, or the pair's ids); any other key shows After. */
  const shown = signal<{ key: string; nodeId: string } | null>(null);
  /** The picture read for the pressed side, or null while it is read. */
  const picture = signal<ComparePicture | null>(null);
  return { shown, picture };
}

export type CompareState = ReturnType<typeof createCompareState>;
