/**
 * What a batch press works with (docs/batch.md): the batch's plan (core/batch-plan.ts) as the state derives it,
 * read once at the press after the page's history and the brand are brought up to date, so every frame is planned
 * as a single edit of it alone would be: its own chain, the brand when it is on, never replayed. Then each frame is
 * exported and its request built by the single edit's own code (ui/actions/prepare-turn.ts).
 */
import type { BatchFrame, BatchPlan } from '../../core/batch-plan.js';
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import { brandAtPressAsync } from './brand.js';
import type { AppDeps } from './deps.js';
import { prepareTurnAsync } from './prepare-turn.js';
import type { PreparedTurn } from './prepared-turn.js';

/** The batch's plan at the press, or what stops it. */
export async function batchPlanAtPressAsync(deps: AppDeps): Promise<Result<BatchPlan>> {
  const { state, bridge } = deps;
  if (!state.prompt.peek().trim()) return fail(appError('bad_request', 'Type what to do to each frame first.'));
  if (!state.model.peek()) {
    return fail(appError('unknown_model', 'No model is available. Check the proxy URL and token in Settings.'));
  }
  if (!(state.history.peek() && state.historyCurrent.peek())) {
    const history = await bridge.request('READ_HISTORY', {});
    if (history.ok) state.history.value = history.value;
  }
  await brandAtPressAsync(deps);
  const plan = state.batchPlan.peek();
  if (!plan) return fail(appError('bad_request', 'Select two or more frames or images to edit each of them.'));
  if (plan.frames.length === 0) {
    return fail(appError('bad_request', plan.refused[0]?.reason ?? 'None of the selected layers can be edited.'));
  }
  return ok(plan);
}

/** Exports one frame and builds its request, as a single edit of it would. */
export function prepareBatchFrameAsync(
  deps: AppDeps,
  frame: BatchFrame,
  signal: AbortSignal,
): Promise<Result<PreparedTurn>> {
  return prepareTurnAsync(deps, signal, frame.plan);
}
