/**
 * The matte tools' row (docs/image-tools-matte.md): one click on the selected image or frame. **Erase** removes what a
 * shape drawn over the image covers and continues the background (every pixel outside the shape stays the source's).
 * Each button shows what it will cost before the press; the run's progress, Cancel and the cost after are the
 * Generate bar's and the result note's, as for any turn.
 */
import { formatUsd } from '../../core/cost-estimate.js';

export interface MatteToolsRowProps {
  /** One image or frame is selected (alone, or with a shape over it). */
  offered: boolean;
  /** A shape is drawn over it (the regional-edit selection). */
  hasShape: boolean;
  /** A run is under way. */
  running: boolean;
  /** What an Erase would cost, or null when it cannot be priced. */
  eraseEstimateUsd: number | null;
  onErase(): void;
}

/** The row of matte tools, or nothing when no image is selected. */
export function MatteToolsRow(props: MatteToolsRowProps) {
  if (!props.offered) return null;
  return (
    <section class="card image-tools-matte" aria-label="Image tools">
      <div class="actions">
        <button
          type="button"
          disabled={props.running || !props.hasShape}
          title={props.hasShape ? 'Remove what the shape covers' : 'Draw a shape over the object first'}
          onClick={() => props.onErase()}
        >
          Erase
        </button>
        {props.hasShape && props.eraseEstimateUsd !== null && (
          <span class="muted cost" aria-label="Erase estimate">
            ≈ {formatUsd(props.eraseEstimateUsd)}
          </span>
        )}
      </div>
      {!props.hasShape && <p class="muted">Draw a shape over an object to erase it.</p>}
    </section>
  );
}
