/** The model picker, wired to the panel's state: the main view's and the batch view's. */
import type { PanelProps } from './props.js';
import { ModelPicker } from './model-picker.js';

export function ModelPickerWired({ state }: Pick<PanelProps, 'state'>) {
  return (
    <ModelPicker
      models={state.models.value}
      loading={state.modelsLoading.value}
      modelId={state.modelId.value}
      current={state.model.value}
      note={state.modelNote.value}
      onChange={(modelId) => {
        state.modelId.value = modelId;
        state.modelNote.value = null;
      }}
    />
  );
}
