/**
 * Erase (docs/image-tools.md#erase): a shape drawn over an object, one click, and the object is removed and the
 * background continued. It is a regional edit (ui/actions/generate-region.ts) whose words ask for a removal
 * (core/erase-instruction.ts): the answer is composited back through the shape's mask, so every pixel outside the
 * shape is the source export's, byte for byte. The result is a new layer beside the source (or applied in place), one
 * undo step, with a turn record whose `tool` is `erase`, so it can be continued or branched like any turn. A failure or
 * Cancel ends the run with nothing placed, and says so in Erase's words (core/tool-error.ts).
 */
import { ERASE_TOOL, planErase } from '../../core/erase-plan.js';
import { ERASE_PROMPT } from '../../core/erase-instruction.js';
import { appError } from '../../core/errors.js';
import type { PlacedResult } from '../../core/messages.js';
import { fail, type Result } from '../../core/result.js';
import { toolError } from '../../core/tool-error.js';
import type { AppDeps } from './deps.js';
import { placeAnswerAsync } from './place-answer.js';
import type { Press } from './plan-press.js';
import { prepareTurnAsync } from './prepare-turn.js';
import { startRun, type Run } from './run.js';
import { readyForTool } from './tool-press.js';
import { createTurnExports } from './turn-exports.js';

/** Runs Erase on the selected shape's image unless a run is under way. Resolves when it has ended. */
export async function eraseAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = readyForTool(state, ERASE_PROMPT, 'needed');
  if (!press.ok) {
    state.error.value = press.error;
    return;
  }
  const run = startRun(deps, 'exporting');
  const outcome = await eraseTurnAsync(deps, run, press.value);
  run.end(() => {
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = toolError('erase', outcome.error);
  });
}

async function eraseTurnAsync(deps: AppDeps, run: Run, press: Press): Promise<Result<PlacedResult>> {
  const { signal } = run;
  const plan = planErase(press.model, { ok: true, value: press.shape });
  if (!plan) return fail(appError('bad_request', 'Select a shape drawn over an image to erase what it covers.'));
  const turn = await prepareTurnAsync(deps, signal, plan, createTurnExports(deps));
  if (!turn.ok) return turn;
  run.step('generating');
  const answer = await deps.proxyFor(deps.state.settings.peek()).generate(turn.value.request, signal);
  if (!answer.ok) return answer;
  const placement = { ...turn.value.placement, turn: { ...turn.value.placement.turn, tool: ERASE_TOOL } };
  return placeAnswerAsync(deps, placement, answer.value, {
    signal,
    onPlacing: () => run.step('placing'),
    pressed: press.pressed,
  });
}
