/**
 * Generate: one turn from prompt to canvas. The press is planned as data (core/turn-plan.ts: text-to-image, an edit
 * of the selected layer, or a regional edit), the plan's images are exported and its request built
 * (ui/actions/prepare-turn.ts), the proxy is called once, and the answer is placed (ui/actions/place-answer.ts),
 * all under one run (ui/actions/run.ts) that Cancel aborts. Any failure, and Cancel, end with the canvas untouched:
 * nothing is placed until every earlier step has succeeded.
 *
 * A single Generate on a model that signs its turns (Gemini 3) is also **live** (docs/live-replay.md): it asks the
 * proxy for the model's own answer (`returnModelTurn`) and keeps it in the panel's memory; a later turn that
 * continues it on the same model, in this session, with the layer unchanged, replays the session's earlier turns as
 * `history` and sends only the new instruction and references. When the proxy refuses the replay (`replay_rejected`:
 * Gemini did not take the signatures; or the request is too large), the turn is planned again stateless and sent
 * once more, at once, reusing the images already exported (ui/actions/turn-exports.ts), and that chain is forgotten. Variants and regional edits are always stateless.
 */
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateResponse } from '../../core/proxy-schema.js';
import { forgetTurns, rememberTurn, userContent } from '../../core/live-replay.js';
import type { Result } from '../../core/result.js';
import { statelessPlanOf } from '../../core/turn-plan.js';
import type { LiveEvent } from '../proxy-stream.js';
import type { AppDeps } from './deps.js';
import { placeAnswerAsync } from './place-answer.js';
import { firstStepOf, planPressAsync, readyToGenerate, type Press } from './plan-press.js';
import { prepareTurnAsync } from './prepare-turn.js';
import type { PreparedTurn } from './prepared-turn.js';
import { startRun, type Run } from './run.js';
import { createTurnExports } from './turn-exports.js';

/** Runs one turn unless one is already running. Resolves when it has ended, whatever the outcome. */
export async function generateAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = readyToGenerate(state);
  if (!press.ok) {
    state.error.value = press.error;
    return;
  }
  const run = startRun(deps, firstStepOf(press.value));
  const outcome = await runTurnAsync(deps, run, press.value);
  run.end(() => {
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = outcome.error;
  });
}

/**
 * Refusals of a replayed request after which the same turn sent stateless can succeed: Gemini refused the thought
 * signatures, or the proxy refused the replayed history (too large, too many images, an older proxy that does not
 * know `history`). Nothing was billed for any of them.
 */
const REPLAY_FALLBACK = new Set([
  'replay_rejected',
  'request_too_large',
  'image_too_large',
  'too_many_images',
  'unsupported_image',
  'bad_request',
]);

async function runTurnAsync(deps: AppDeps, run: Run, press: Press): Promise<Result<PlacedResult>> {
  const { state } = deps;
  const { signal } = run;
  const plan = await planPressAsync(deps, press, true);
  const exports = createTurnExports(deps);
  let turn = await prepareTurnAsync(deps, signal, plan, exports);
  if (!turn.ok) return turn;
  run.step('generating');
  const proxy = deps.proxyFor(state.settings.peek());
  // Live: the stage line and Gemini's interim drafts show while it works (docs/proxy-api.md#live-previews).
  const onLive = (event: LiveEvent): void => run.preview(event);
  let answer = await proxy.generate(turn.value.request, signal, onLive);
  const replayed = turn.value.plan.replay?.path;
  if (!answer.ok && replayed && REPLAY_FALLBACK.has(answer.error.code) && !signal.aborted) {
    // Gemini (or the proxy) would not take the replayed turns: never offer that chain again, and send this turn
    // once more the stateless way, at once, so the person sees a result instead of an error.
    state.liveTurns.value = forgetTurns(state.liveTurns.peek(), replayed);
    turn = await prepareTurnAsync(deps, signal, statelessPlanOf(turn.value.plan), exports);
    if (!turn.ok) return turn;
    answer = await proxy.generate(turn.value.request, signal, onLive);
  }
  if (!answer.ok) return answer;
  const placed = await placeAnswerAsync(deps, turn.value.placement, answer.value, {
    signal,
    onPlacing: () => run.step('placing'),
    pressed: press.pressed,
  });
  if (placed.ok) rememberLiveTurn(deps, turn.value, answer.value, placed.value);
  return placed;
}

/**
 * Keeps the model's own answer of a live turn for the next turn to replay; a cached answer has none (then the next
 * turn is stateless).
 */
function rememberLiveTurn(deps: AppDeps, turn: PreparedTurn, answer: GenerateResponse, placed: PlacedResult): void {
  const { state } = deps;
  const { plan, request } = turn;
  if (!plan.live || !answer.modelTurn) return;
  state.liveTurns.value = rememberTurn(state.liveTurns.peek(), {
    turnId: placed.record.id,
    parentTurnId: plan.replay?.path.at(-1)?.turnId ?? null,
    model: answer.model,
    user: userContent(request.images ?? [], request.prompt),
    modelTurn: answer.modelTurn,
  });
}
