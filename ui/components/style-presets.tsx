/** Style conversion presets (core/style-presets.ts), one click away: each puts its prompt template in the prompt box. */
import { STYLE_PRESETS } from '../../core/style-presets.js';

export interface StylePresetsProps {
  /** Presets apply to an edit only. */
  editing: boolean;
  /** The prompt as it is, to show the preset it came from as pressed. */
  prompt: string;
  onApply(presetId: string): void;
}

export function StylePresets({ editing, prompt, onApply }: StylePresetsProps) {
  if (!editing) return null;
  return (
    <div class="presets" role="group" aria-label="Style presets">
      <span class="label">Styles</span>
      {STYLE_PRESETS.map((preset) => (
        <button
          key={preset.id}
          type="button"
          class="chip"
          aria-pressed={prompt === preset.prompt}
          title={preset.prompt}
          onClick={() => onApply(preset.id)}
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}
