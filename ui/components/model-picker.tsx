/** Which model to use, from the proxy's registry. */
import type { PanelProps } from './props.js';

export function ModelPicker({ state }: PanelProps) {
  const models = state.models.value;
  const loading = state.modelsLoading.value;
  const current = state.model.value;
  return (
    <div class="field grow">
      <label for="model">Model</label>
      <select
        id="model"
        value={state.modelId.value ?? ''}
        disabled={models.length === 0}
        onChange={(event) => {
          state.modelId.value = event.currentTarget.value || null;
        }}
      >
        {models.length === 0 && <option value="">{loading ? 'Loading models…' : 'No models (check Settings)'}</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
          </option>
        ))}
      </select>
      {current && <span class="hint">{current.description}</span>}
    </div>
  );
}
