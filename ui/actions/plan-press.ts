/**
 * What a Generate press works with, read from the state when it is pressed, and its turn plan (core/turn-plan.ts).
 * An edit's chain is read from the page's history afresh, once per press: the sandbox may have changed since the
 * panel last looked.
 */
import { appError } from '../../core/errors.js';
import { buildHistoryGraph, chainOf, turnOfNode } from '../../core/history-graph.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import type { RequestPlan } from '../../core/request-plan.js';
import { fail, ok, type Result } from '../../core/result.js';
import { planTurn, turnKindOf, type TurnPlan } from '../../core/turn-plan.js';
import type { TurnRecord } from '../../core/turn-record.js';
import type { AppState } from '../state.js';
import type { AppDeps } from './deps.js';

/** What a Generate press works with. */
export interface Press {
  model: PublicModel;
  prompt: string;
  shape: RequestPlan;
}

/** The model, prompt and request plan of a Generate press, or the problem to show instead. */
export function readyToGenerate(state: AppState): Result<Press> {
  const prompt = state.prompt.peek().trim();
  const model = state.model.peek();
  const shape = state.plan.peek();
  const problem = !prompt
    ? appError('bad_request', 'Type a prompt first.')
    : !model
      ? appError('unknown_model', 'No model is available. Check the proxy URL and token in Settings.')
      : state.mode.peek() === 'multiple'
        ? appError('bad_request', 'Select one layer to edit it, or nothing to generate a new image.')
        : shape && !shape.ok
          ? shape.error
          : null;
  if (problem || !model || !shape || !shape.ok) return fail(problem ?? appError('bad_request'));
  return ok({ model, prompt, shape: shape.value });
}

/** The first step a press's run shows: an edit exports first. */
export function firstStepOf(press: Press): 'exporting' | 'generating' {
  return press.shape.target ? 'exporting' : 'generating';
}

/**
 * Plans the press's turn. `live` is true for a single Generate (it may replay the session's turns) and false for
 * variants (always stateless). Only a whole-frame edit continues a chain, so only it reads the history.
 */
export async function planPressAsync(deps: AppDeps, press: Press, live: boolean): Promise<TurnPlan> {
  const target = press.shape.target;
  const chain = target && turnKindOf(press.shape) === 'edit' ? await chainOfLayerAsync(deps, target.id) : [];
  return planTurn({
    model: press.model,
    instruction: press.prompt,
    shape: press.shape,
    chain,
    live: live ? { session: deps.state.liveTurns.peek(), replay: true } : null,
  });
}

/** The chain of turns the layer `nodeId` continues, oldest first, read from the page's history afresh. */
async function chainOfLayerAsync(deps: AppDeps, nodeId: string): Promise<TurnRecord[]> {
  const { state, bridge } = deps;
  const history = await bridge.request('READ_HISTORY', {});
  if (history.ok) state.history.value = history.value;
  const graph = buildHistoryGraph(history.ok ? history.value.entries : []);
  const turn = turnOfNode(graph, nodeId);
  return turn ? chainOf(graph, turn.id).turns.map((t) => t.record) : [];
}
