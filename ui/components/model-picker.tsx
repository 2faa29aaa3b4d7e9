/**
 * Which model to use, from the proxy's registry. A model Google is retiring says so in its option and hint, and a
 * pick the panel moved (the person's model left the list) says so in one line until the person picks again.
 */
import type { PublicModel } from '../../core/proxy-schema.js';

export interface ModelPickerProps {
  /** The proxy's registry, in its order. */
  models: readonly PublicModel[];
  loading: boolean;
  /** The id picked, or null for none. */
  modelId: string | null;
  /** The picked model, when it is in the registry. */
  current: PublicModel | null;
  /** Why the panel moved the pick, until the person picks again. */
  note: string | null;
  /** The person picked this model (null for the empty option). */
  onChange(modelId: string | null): void;
}

export function ModelPicker({ models, loading, modelId, current, note, onChange }: ModelPickerProps) {
  return (
    <div class="field grow">
      <label for="model">Model</label>
      <select
        id="model"
        value={modelId ?? ''}
        disabled={models.length === 0}
        onChange={(event) => onChange(event.currentTarget.value || null)}
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
