/**
 * Fetches the model list from the proxy and keeps the current pick when it is still offered. When it is not (the
 * proxy's key can no longer reach it: `unavailable` in the list), the pick moves to the model the proxy names as
 * its replacement, and the panel says so in one line. A later turn on a layer made with the old model then goes
 * to the new one, stateless (core/live-replay.ts never replays across models).
 */
import { batch } from '@preact/signals';
import { VERTEX_INLINE_IMAGE_MAX_BYTES } from '../../core/input-limits.js';
import type { ModelsResponse } from '../../core/proxy-schema.js';
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
    const { models, inlineImageMaxBytes } = answer.value;
    state.models.value = models;
    // An older proxy does not say: assume the smaller (Vertex) limit.
    state.inlineImageMaxBytes.value = inlineImageMaxBytes ?? VERTEX_INLINE_IMAGE_MAX_BYTES;
    state.matte.segmentation.value = answer.value.segmentation ?? null;
    state.matte.renderModelId.value = answer.value.defaultModel;
    const current = state.modelId.peek();
    if (current && models.some((m) => m.id === current)) return;
    const moved = current ? movedPick(answer.value, current) : null;
    state.modelId.value = moved?.id ?? defaultPick(answer.value);
    state.modelNote.value = moved?.note ?? null;
  });
}

/** The replacement of a pick that left the list, with the line that says so; null when there is none. */
function movedPick(list: ModelsResponse, id: string): { id: string; note: string } | null {
  const gone = list.unavailable?.find((m) => m.id === id);
  const next = list.models.find((m) => m.id === gone?.replacement);
  if (!gone || !next) return null;
  return { id: next.id, note: `${gone.label} is no longer available to this team; switched to ${next.label}.` };
}

function defaultPick({ models, defaultModel }: ModelsResponse): string | null {
  return models.some((m) => m.id === defaultModel) ? defaultModel : (models[0]?.id ?? null);
}
