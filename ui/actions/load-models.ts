/** Fetches the model list from the proxy and keeps the current pick when it is still offered. */
import { batch } from '@preact/signals';
import { VERTEX_INLINE_IMAGE_MAX_BYTES } from '../../core/input-limits.js';
import type { AppDeps } from './deps.js';

export async function loadModelsAsync({ state, proxyFor }: AppDeps): Promise<void> {
  state.modelsLoading.value = true;
  const answer = await proxyFor(state.settings.peek()).getModels();
  batch(() => {
    state.modelsLoading.value = false;
    if (!answer.ok) {
      state.error.value = answer.error;
      return;
    }
    const { models, defaultModel, inlineImageMaxBytes } = answer.value;
    state.models.value = models;
    // An older proxy does not say: assume the smaller (Vertex) limit.
    state.inlineImageMaxBytes.value = inlineImageMaxBytes ?? VERTEX_INLINE_IMAGE_MAX_BYTES;
    const current = state.modelId.peek();
    if (!current || !models.some((m) => m.id === current)) {
      state.modelId.value = models.some((m) => m.id === defaultModel) ? defaultModel : (models[0]?.id ?? null);
    }
  });
}
