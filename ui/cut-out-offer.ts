/**
 * How the next Remove background or Isolate object will make its matte and what it will cost, read from the panel's
 * state (core/cut-out-method.ts): what the matte row shows before the press and what the action runs.
 */
import { cutOutMethodOf, type CutOutMethod } from '../core/cut-out-method.js';
import type { RenderKeep } from '../core/matte-render-instruction.js';
import type { PublicModel } from '../core/models-response.js';
import type { AppState } from './state.js';

/** The image model the two renders use: the registry's default when offered, else the designer's pick. */
export function renderModelOf(state: AppState): PublicModel | null {
  const id = state.matte.renderModelId.value;
  return state.models.value.find((m) => m.id === id) ?? state.model.value;
}

/** The method and estimate of the next cut-out, or null when the proxy can make no matte. */
export function cutOutOfferOf(state: AppState, keep: RenderKeep = { kind: 'subject' }): CutOutMethod | null {
  return cutOutMethodOf(state.matte.segmentation.value, renderModelOf(state), keep);
}
