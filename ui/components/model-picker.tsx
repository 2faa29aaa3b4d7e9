/**
 * Which model to use, from the proxy's registry. A model Google is retiring says so in its option and hint, and a
 * pick the panel moved (the person's model left the list) says so in one line until the person picks again.
 */
import type { PublicModel } from '../../core/proxy-schema.js';
import type { PanelProps } from './props.js';

export function ModelPicker({ state }: PanelProps) {
  const models = state.models.value;
  const loading = state.modelsLoading.value;
  const current = state.model.value;
  const note = state.modelNote.value;
  return (
    <div class="field grow">
      <label for="model">Model</label>
      <select
        id="model"
        value={state.modelId.value ?? ''}
        disabled={models.length === 0}
        onChange={(event) => {
          state.modelId.value = event.currentTarget.value || null;
          state.modelNote.value = null;
        }}
      >
        {models.length === 0 && <option value="">{loading ? 'Loading models…' : 'No models (check Settings)'}</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {retiring(model) ? `${model.label} (being retired)` : model.label}
          </option>
        ))}
      </select>
      {note && (
        <span class="hint note" role="status">
          {note}
        </span>
      )}
      {current && <span class="hint">{hintOf(current, models)}</span>}
    </div>
  );
}

function retiring(model: PublicModel): boolean {
  return model.status === 'deprecated' || model.status === 'legacy';
}

function hintOf(model: PublicModel, models: readonly PublicModel[]): string {
  if (!retiring(model)) return model.description;
  const next = models.find((m) => m.id === model.replacement);
  return next ? `Google is retiring this model; ${next.label} replaces it.` : 'Google is retiring this model.';
}
