/**
 * The instant option beside Generate (docs/adjustments.md): for a prompt that is only a tone change, Figma's own image
 * filters on a copy of the layer, at once and for nothing. The designer can still press Generate to send it to Gemini.
 */
import { describeFilters } from '../../core/tone-adjust.js';
import type { ToneOffer } from '../tone-offer-state.js';

export interface ToneOfferProps {
  offer: ToneOffer | null;
  /** A Generate is running, or an adjustment is on its way: the button waits. */
  busy: boolean;
  onAdjust(): void;
}

export function ToneOfferCard({ offer, busy, onAdjust }: ToneOfferProps) {
  if (!offer) return null;
  return (
    <section class="card tone-offer" aria-label="Instant adjustment">
      <p>
        <strong>Instant, $0:</strong> Figma’s own image filters ({describeFilters(offer.filters)}) on a copy beside “
        {offer.target.name}”. No Gemini call; ⌘Z removes it. Or Generate to have Gemini do it.
      </p>
      <button type="button" disabled={busy} onClick={() => onAdjust()}>
        Adjust instantly
      </button>
    </section>
  );
}
