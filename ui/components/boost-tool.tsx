/**
 * Boost resolution's row in the Image tools section: the size to ask for, the pixels before and after
 * ("1024×1024 → 4096×4096 px") next to the button, what it will cost, Apply in place where it is offered, and the
 * refusal when the image is already at the model's maximum (docs/image-tools.md#boost-resolution).
 */
import { formatUsdRange, type UsdRange } from '../../core/cost-estimate.js';
import type { BoostOption, Pixels } from '../../core/boost-plan.js';
import type { ImageSize } from '../../core/image-sizes.js';

export interface BoostToolProps {
  /** The layer's name, for Apply in place. */
  name: string;
  before: Pixels | null;
  options: readonly BoostOption[];
  chosen: BoostOption | null;
  rangeUsd: UsdRange | null;
  refusal: string | null;
  /** Apply in place is offered for the layer, and whether it is ticked. */
  inPlaceOffered: boolean;
  inPlace: boolean;
  running: boolean;
  onSize(size: ImageSize): void;
  onInPlace(checked: boolean): void;
  onBoost(): void;
}

function px(pixels: Pixels): string {
  return `${pixels.width}×${pixels.height}`;
}

export function BoostTool(props: BoostToolProps) {
  const { before, chosen, running } = props;
  return (
    <div class="tool">
      <strong>Boost resolution</strong>
      <div class="actions">
        {props.options.length > 1 && chosen && (
          <select
            aria-label="Boost to"
            value={chosen.imageSize}
            disabled={running}
            onChange={(event) => props.onSize(event.currentTarget.value as ImageSize)}
          >
            {props.options.map((option) => (
              <option key={option.imageSize} value={option.imageSize}>
                {option.imageSize}
              </option>
            ))}
          </select>
        )}
        <button type="button" disabled={running || chosen === null} onClick={() => props.onBoost()}>
          Boost resolution
        </button>
        {before && chosen && (
          <span class="muted boost-pixels">
            {px(before)} → {px(chosen.after)} px
            {props.rangeUsd && <span class="tool-cost"> {formatUsdRange(props.rangeUsd)}</span>}
          </span>
        )}
      </div>
      {props.inPlaceOffered && chosen && (
        <label class="check">
          <input
            type="checkbox"
            checked={props.inPlace}
            disabled={running}
            onChange={(event) => props.onInPlace(event.currentTarget.checked)}
          />
          <span>
            Boost in place<span class="muted"> · replace {props.name}’s image (⌘Z undoes it)</span>
          </span>
        </label>
      )}
      {props.refusal && <p class="muted tool-refusal">{props.refusal}</p>}
    </div>
  );
}
