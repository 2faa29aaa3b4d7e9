/**
 * Boost resolution's row in the Image tools section: the size to ask for, the pixels before and after
 * ("1024×1024 → 4096×4096 px") next to the button, what it will cost, and the refusal when the image is already at
 * the model's maximum (docs/image-tools.md#boost-resolution). Apply in place is the Image tools card's
 * (ui/components/tools-in-place.tsx).
 */
import { formatUsdRange, type UsdRange } from '../../core/cost-estimate.js';
import type { BoostOption, Pixels } from '../../core/boost-plan.js';
import type { ImageSize } from '../../core/image-sizes.js';

export interface BoostToolProps {
  before: Pixels | null;
  options: readonly BoostOption[];
  chosen: BoostOption | null;
  rangeUsd: UsdRange | null;
  refusal: string | null;
  running: boolean;
  onSize(size: ImageSize): void;
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
      {props.refusal && <p class="muted tool-refusal">{props.refusal}</p>}
    </div>
  );
}
