/**
 * The instant adjustment the panel offers beside Generate (docs/adjustments.md): when the prompt is nothing but a
 * global tone change and the selection is one layer with an image fill of its own, Figma's image filters can do it
 * at once and for nothing. Null whenever the offer does not apply (a region, references, no image fill, no match).
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { EditInputs } from '../core/edit-inputs.js';
import type { NodeSnapshot } from '../core/node-snapshot.js';
import { toneAdjustmentOf, type ToneFilters } from '../core/tone-adjust.js';

/** What the offer would do: the layer, and the amounts added to its filters. */
export interface ToneOffer {
  target: NodeSnapshot;
  filters: ToneFilters;
}

/** The offer, derived from the prompt and the selection as read. */
export function deriveToneOffer(
  signals: { prompt: ReadonlySignal<string> },
  selection: {
    mode: ReadonlySignal<string>;
    target: ReadonlySignal<NodeSnapshot | null>;
    editInputs: ReadonlySignal<EditInputs>;
  },
) {
  const toneOffer = computed((): ToneOffer | null => {
    const target = selection.target.value;
    const inputs = selection.editInputs.value;
    if (selection.mode.value !== 'edit' || !target?.hasImageFill) return null;
    if (inputs.region || inputs.references.length > 0) return null;
    const filters = toneAdjustmentOf(signals.prompt.value);
    return filters ? { target, filters } : null;
  });
  /** An adjustment is on its way to the canvas (the button waits). */
  const adjusting = signal(false);
  return { toneOffer, adjusting };
}
