/** How many variants Generate asks for: one image, or 2–8 variants side by side (N parallel calls). */
import { MAX_VARIANTS } from '../../core/variant-layout.js';

export interface VariantCountProps {
  count: number;
  disabled: boolean;
  onChange(count: number): void;
}

const CHOICES = Array.from({ length: MAX_VARIANTS }, (_, i) => i + 1);

export function VariantCount({ count, disabled, onChange }: VariantCountProps) {
  return (
    <select
      class="variant-count"
      aria-label="Variants"
      title="How many images to make: each variant is its own request, placed side by side"
      value={String(count)}
      disabled={disabled}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    >
      {CHOICES.map((n) => (
        <option key={n} value={String(n)}>
          {n === 1 ? '1 image' : `${n} variants`}
        </option>
      ))}
    </select>
  );
}
