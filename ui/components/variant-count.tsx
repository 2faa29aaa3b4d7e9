/** How many variants Generate asks for: one image, or 2–8 variants side by side (N parallel calls). */
import { MAX_VARIANTS } from '../../core/variant-layout.js';
import type { PanelProps } from './props.js';

const CHOICES = Array.from({ length: MAX_VARIANTS }, (_, i) => i + 1);

export function VariantCount({ state }: PanelProps) {
  const count = state.variants.count.value;
  return (
    <select
      class="variant-count"
      aria-label="Variants"
      title="How many images to make: each variant is its own request, placed side by side"
      value={String(count)}
      disabled={state.run.value !== null}
      onChange={(event) => {
        state.variants.count.value = Number(event.currentTarget.value);
      }}
    >
      {CHOICES.map((n) => (
        <option key={n} value={String(n)}>
          {n === 1 ? '1 image' : `${n} variants`}
        </option>
      ))}
    </select>
  );
}
