/**
 * The matte tools' row (docs/image-tools.md): one click on the selected image or frame.
 *
 * - **Remove background**: the image's own pixels with a true alpha channel, the background fully transparent.
 * - **Isolate object**: the same for one object, named in the field ("the mug") or marked with a shape over it.
 * - **Erase**: removes what a shape drawn over the image covers and continues the background; every pixel outside
 *   the shape stays the source's.
 *
 * Each shows what it will cost before the press; the run's progress, Cancel and the cost after are the Generate bar's
 * and the result note's, as for any turn.
 */
import { formatUsd } from '../../core/cost-estimate.js';
import { methodLabel, type CutOutMethod } from '../../core/cut-out-method.js';

export interface MatteToolsRowProps {
  /** One image or frame is selected (alone, or with a shape over it). */
  offered: boolean;
  /** A shape is drawn over it (the regional-edit selection). */
  hasShape: boolean;
  /** A run is under way. */
  running: boolean;
  /** What an Erase would cost, or null when it cannot be priced. */
  eraseEstimateUsd: number | null;
  /**
   * How Remove background and Isolate object will make the matte (segmentation, or two renders when the proxy's key
   * reaches no segmentation model) and about what it costs; null when the proxy can make none (the cut-outs are off).
   */
  cutOut: CutOutMethod | null;
  /** The object Isolate object keeps, as typed. */
  objectName: string;
  onObjectNameChange(name: string): void;
  onErase(): void;
  onRemoveBackground(): void;
  onIsolate(): void;
}

/** The row of matte tools, or nothing when no image is selected. */
export function MatteToolsRow(props: MatteToolsRowProps) {
  if (!props.offered) return null;
  const { running, hasShape } = props;
  const { cutOut } = props;
  const cutOuts = cutOut !== null;
  const cost = (usd: number | null, label: string, method?: string) =>
    usd === null ? null : (
      <span class="muted cost" aria-label={label}>
        {method ? `· ${method} ` : ''}≈ {formatUsd(usd)}
      </span>
    );
  const cutOutCost = (label: string) => cutOut && cost(cutOut.estimateUsd, label, methodLabel(cutOut.method));
  return (
    <div class="tool matte-tools">
      <div class="actions">
        <button
          type="button"
          disabled={running || hasShape || !cutOuts}
          title={hasShape ? 'Select the image alone' : 'Keep the subject, make the background transparent'}
          onClick={() => props.onRemoveBackground()}
        >
          Remove background
        </button>
        {!hasShape && cutOutCost('Remove background estimate')}
      </div>
      <div class="actions">
        <input
          type="text"
          aria-label="Object to isolate"
          placeholder={hasShape ? 'the object in the shape' : 'the mug'}
          value={props.objectName}
          maxLength={200}
          onInput={(event) => props.onObjectNameChange(event.currentTarget.value)}
        />
        <button
          type="button"
          disabled={running || !cutOuts || (!hasShape && !props.objectName.trim())}
          title="Keep only this object, on a transparent background"
          onClick={() => props.onIsolate()}
        >
          Isolate object
        </button>
        {cutOutCost('Isolate estimate')}
      </div>
      <div class="actions">
        <button
          type="button"
          disabled={running || !hasShape}
          title={hasShape ? 'Remove what the shape covers' : 'Draw a shape over the object first'}
          onClick={() => props.onErase()}
        >
          Erase
        </button>
        {hasShape && cost(props.eraseEstimateUsd, 'Erase estimate')}
      </div>
      {!hasShape && <p class="muted">Draw a shape over an object to erase it or to mark what to isolate.</p>}
      {cutOut?.method === 'two-renders' && (
        <p class="muted">
          No segmentation model answers on this proxy, so the cut-outs use two renders of the image (on white and on
          black): two image edits.
        </p>
      )}
      {!cutOuts && <p class="muted">This proxy offers no model to cut out with: Remove background is off.</p>}
    </div>
  );
}
