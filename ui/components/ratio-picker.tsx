/**
 * Aspect ratio and size. For an edit they come from the frame (nearest supported ratio, smallest size covering the
 * frame at its export scale, shown as "4:5 · 2K at 2×") and are only shown; a regional edit takes them from the
 * shape's crop when Generate is pressed. For text-to-image the person picks them.
 */
import type { ImageSize } from '../../core/models.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import type { Result } from '../../core/result.js';
import type { RequestPlan } from '../../core/request-plan.js';

export interface RatioPickerProps {
  /** An edit shows what the frame decides; text-to-image lets the person pick. */
  editing: boolean;
  model: PublicModel | null;
  /** The next request's shape, or null when there is none to plan. */
  plan: Result<RequestPlan> | null;
  /** The person's picks for text-to-image. */
  aspectRatio: string;
  imageSize: ImageSize | null;
  onAspectRatioChange(ratio: string): void;
  onImageSizeChange(size: ImageSize): void;
}

export function RatioPicker(props: RatioPickerProps) {
  const { model, plan } = props;
  if (props.editing) {
    const region = plan?.ok ? plan.value.inputs.region : null;
    return (
      <div class="field">
        {/* Not "Shape": that is the region's shape (docs/regional-edits.md). */}
        <span class="label">Ratio and size</span>
        {region ? (
          // The crop around the shape decides ratio and size when Generate is pressed (docs/regional-edits.md).
          <span class="readout" title="A regional edit takes its ratio and size from the crop around the shape">
            {plan?.ok ? `Shape’s crop at ${formatScale(plan.value.exportScale)}` : '—'}
          </span>
        ) : (
          <span
            class="readout"
            title="Nearest ratio the model supports, smallest size that covers the frame at its export scale"
          >
            {plan?.ok
              ? `${plan.value.aspectRatio} · ${plan.value.imageSize} at ${formatScale(plan.value.exportScale)}`
              : '—'}
          </span>
        )}
        <span class="hint">{region ? 'Set on Generate' : 'From the frame'}</span>
      </div>
    );
  }
  const ratios = model?.aspectRatios ?? [];
  const sizes = model?.imageSizes ?? [];
  return (
    <div class="row tight">
      <div class="field">
        <label for="ratio">Aspect ratio</label>
        <select
          id="ratio"
          value={plan?.ok ? plan.value.aspectRatio : props.aspectRatio}
          disabled={ratios.length === 0}
          onChange={(event) => props.onAspectRatioChange(event.currentTarget.value)}
        >
          {ratios.map((ratio) => (
            <option key={ratio} value={ratio}>
              {ratio}
            </option>
          ))}
        </select>
      </div>
      {sizes.length > 0 && (
        <div class="field">
          <label for="size">Size</label>
          <select
            id="size"
            value={plan?.ok ? plan.value.imageSize : (props.imageSize ?? '')}
            onChange={(event) => props.onImageSizeChange(event.currentTarget.value as ImageSize)}
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** `2×`, `1.5×`, `0.75×`: an export scale as Figma's Export panel writes it. */
export function formatScale(scale: number): string {
  return `${Number(scale.toFixed(2))}×`;
}
