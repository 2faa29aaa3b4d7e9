/**
 * The instant adjustment (docs/adjustments.md): the offer's filters (ui/tone-offer-state.ts) on a copy of the layer
 * beside it, through the sandbox alone (ADJUST_IMAGE). No proxy call, nothing billed, nothing re-encoded; the copy's
 * turn record keeps the instruction, the amounts and $0, so it is continued or sent to Gemini like any turn.
 */
import { appError } from '../../core/errors.js';
import type { AppDeps } from './deps.js';

/** Applies the current offer unless a run is under way or nothing is offered. */
export async function adjustAsync(deps: AppDeps): Promise<void> {
  const { state, bridge } = deps;
  const offer = state.toneOffer.peek();
  if (state.run.peek() || state.adjusting.peek()) return;
  if (!offer) {
    state.error.value = appError(
      'bad_request',
      'Nothing to adjust: select one image layer and type a tone change ("warmer", "more contrast").',
    );
    return;
  }
  const plan = state.plan.peek();
  const params = plan?.ok
    ? { aspectRatio: plan.value.aspectRatio, imageSize: plan.value.imageSize }
    : { aspectRatio: state.aspectRatio.peek(), imageSize: state.imageSize.peek() ?? '1K' };
  state.error.value = null;
  state.adjusting.value = true;
  state.historyCurrent.value = false;
  const placed = await bridge.request('ADJUST_IMAGE', {
    nodeId: offer.target.id,
    filters: offer.filters,
    pressedSelection: state.selection.peek().map((node) => node.id),
    turn: {
      prompt: state.prompt.peek().trim(),
      // The model a Gemini turn continuing this one would use; the record's provenance says no model made it.
      model: state.model.peek()?.id ?? 'figma-image-filters',
      params,
      inputs: [{ nodeId: offer.target.id, role: 'base' }],
      tool: { name: 'adjust', filters: offer.filters },
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 },
    },
  });
  state.adjusting.value = false;
  if (placed.ok) state.lastResult.value = placed.value;
  else state.error.value = placed.error;
}
