/**
 * What the designer chose in the Image tools card (ui/components/image-tools.tsx): the Expand target (a preset, a
 * typed size, or the frame drawn around the image), the size Boost asks for, and the tools' Apply in place, which
 * belongs to the layer it was ticked for.
 */
import { signal } from '@preact/signals';
import type { ImageSize } from '../core/image-sizes.js';

/** The Expand choice: a preset's label (core/expand-plan.ts `EXPAND_PRESETS`) or 'size' for the typed size. */
export type ExpandChoice = string;

/** A layer's pixels now: its image's own, or what it exports at its scale when it shows no single image. */
export interface BoostBefore {
  nodeId: string;
  /** The image hash it was read for (a replaced image is read again). */
  imageHash: string | null;
  width: number;
  height: number;
}

/** The section's signals. */
export function createExpandBoostState() {
  return {
    /** The chosen preset's label, or 'size'. */
    expandChoice: signal<ExpandChoice>('16:9'),
    /** The typed size, in points, as typed. */
    typedWidth: signal(''),
    typedHeight: signal(''),
    /** The size Boost asks for; null: the largest the model offers. */
    boostSize: signal<ImageSize | null>(null),
    /** The tools' Apply in place (Boost, Remove background, Isolate object, Erase) was ticked for this layer. */
    inPlaceFor: signal<string | null>(null),
    /** The pixels of the layer Boost would boost, as read for it (ui/actions/boost.ts), or null before. */
    boostBefore: signal<BoostBefore | null>(null),
  };
}

/** The section's state. */
export type ExpandBoostState = ReturnType<typeof createExpandBoostState>;
