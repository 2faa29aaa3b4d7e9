/** Style conversion presets (issue 7), one click away: each puts its prompt template in the prompt box. */
import { STYLE_PRESETS } from '../../core/style-presets.js';
import type { PanelProps } from './props.js';

export function StylePresets({ state, actions }: PanelProps) {
  if (state.mode.value !== 'edit') return null;
  return (
    <div class="presets" role="group" aria-label="Style presets">
      <span class="label">Styles</span>
      {STYLE_PRESETS.map((preset) => (
        <button
          key={preset.id}
          type="button"
          class="chip"
          aria-pressed={state.prompt.value === preset.prompt}
          title={preset.prompt}
          onClick={() => actions.precision.applyStylePreset(preset.id)}
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}
