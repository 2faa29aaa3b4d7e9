/**
 * A two-sided toggle for comparing in the panel (docs/architecture.md#before-and-after): Before / After for a
 * result against its source, or A / B between two results. Real buttons with `aria-pressed`, so Tab and Space or
 * Enter work as they do on any button.
 */

export interface CompareToggleProps {
  /** What the toggle compares, for screen readers ("Compare with the source"). */
  label: string;
  /** The two sides' button labels, first then second. */
  sides: readonly [string, string];
  /** Which side is shown: 0 for the first, 1 for the second. */
  shown: 0 | 1;
  /** False shows neither side pressed (nothing chosen yet); true by default. */
  pressed?: boolean;
  onShow(side: 0 | 1): void;
}

export function CompareToggle({ label, sides, shown, pressed = true, onShow }: CompareToggleProps) {
  return (
    <div class="compare-toggle" role="group" aria-label={label}>
      {sides.map((side, index) => (
        <button
          key={side}
          type="button"
          class="chip"
          aria-pressed={pressed && shown === index}
          title={side}
          onClick={() => onShow(index === 0 ? 0 : 1)}
        >
          {side}
        </button>
      ))}
    </div>
  );
}
