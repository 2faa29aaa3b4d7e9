/**
 * Expand's row in the Image tools section: the target (a preset, a typed size in points, or the frame drawn around
 * the image), the one button, and before the press what it will cost or why it cannot run (docs/image-tools.md#expand).
 */
import { formatUsdRange, type UsdRange } from '../../core/cost-estimate.js';
import { EXPAND_PRESETS } from '../../core/expand-plan.js';

export interface ExpandToolProps {
  /** The frame drawn around the image, by name, when the selection has one: it is the target then. */
  frameName: string | null;
  choice: string;
  typedWidth: string;
  typedHeight: string;
  /** The canvas the press makes, in points, or null when it cannot run. */
  canvas: { width: number; height: number } | null;
  rangeUsd: UsdRange | null;
  /** Why it cannot run now, in plain words, or null. */
  refusal: string | null;
  running: boolean;
  onChoice(choice: string): void;
  onTypedWidth(value: string): void;
  onTypedHeight(value: string): void;
  onExpand(): void;
}

export function ExpandTool(props: ExpandToolProps) {
  const { canvas, rangeUsd, refusal, running } = props;
  return (
    <div class="tool">
      <strong>Expand</strong>
      <div class="actions">
        {props.frameName !== null ? (
          <span class="muted">to {props.frameName}</span>
        ) : (
          <select
            aria-label="Expand to"
            value={props.choice}
            disabled={running}
            onChange={(event) => props.onChoice(event.currentTarget.value)}
          >
            {EXPAND_PRESETS.map((preset) => (
              <option key={preset.label} value={preset.label}>
                {preset.label}
              </option>
            ))}
            <option value="size">Size in points…</option>
          </select>
        )}
        {props.frameName === null && props.choice === 'size' && (
          <>
            <input
              type="number"
              min="1"
              aria-label="New width (pt)"
              value={props.typedWidth}
              disabled={running}
              onInput={(event) => props.onTypedWidth(event.currentTarget.value)}
            />
            <span class="muted">×</span>
            <input
              type="number"
              min="1"
              aria-label="New height (pt)"
              value={props.typedHeight}
              disabled={running}
              onInput={(event) => props.onTypedHeight(event.currentTarget.value)}
            />
            <span class="muted">pt</span>
          </>
        )}
        <button type="button" disabled={running || canvas === null} onClick={() => props.onExpand()}>
          Expand
        </button>
        {canvas && (
          <span class="muted">
            {Math.round(canvas.width)}×{Math.round(canvas.height)} pt, one call
            {rangeUsd && <span class="tool-cost"> {formatUsdRange(rangeUsd)}</span>}
          </span>
        )}
      </div>
      {refusal && <p class="muted tool-refusal">{refusal}</p>}
    </div>
  );
}
