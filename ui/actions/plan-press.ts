/**
 * What a Generate press works with, read from the state when it is pressed, and its turn plan (core/turn-plan.ts).
 * An edit's chain comes from the page's history the panel already holds when it is current (no change notice since it
 * was read); otherwise from one read of it now.
 */
import { appError } from '../../core/errors.js';
import { buildHistoryGraph, chainOf, turnOfNode, type HistoryGraph } from '../../core/history-graph.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import type { RequestPlan } from '../../core/request-plan.js';
import { fail, ok, type Result } from '../../core/result.js';
import { planTurn, turnKindOf, type TurnPlan } from '../../core/turn-plan.js';
import type { TurnRecord } from '../../core/turn-record.js';
import type { AppState } from '../state.js';
import { brandAtPressAsync } from './brand.js';
import type { AppDeps } from './deps.js';
import { pressedSelectionOf, type PressedSelection } from './pressed-selection.js';

/** What a Generate press works with. */
export interface Press {
  model: PublicModel;
  prompt: string;
  shape: RequestPlan;
  /** The selection and the source as they were at the press (ui/actions/pressed-selection.ts). */
  pressed: PressedSelection;
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
  return ok({ model, prompt, shape: shape.value, pressed: pressedSelectionOf(state, shape.value) });
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
    brand: await brandAtPressAsync(deps),
  });
}

/** The chain of turns the layer `nodeId` continues, oldest first. */
async function chainOfLayerAsync(deps: AppDeps, nodeId: string): Promise<TurnRecord[]> {
  const graph = await currentGraphAsync(deps);
  const turn = turnOfNode(graph, nodeId);
  return turn ? chainOf(graph, turn.id).turns.map((t) => t.record) : [];
}

/** The page's history graph: the one the panel holds when it is current, else read now (and kept). */
async function currentGraphAsync(deps: AppDeps): Promise<HistoryGraph> {
  const { state, bridge } = deps;
  if (state.history.peek() && state.historyCurrent.peek()) return state.graph.peek();
  const history = await bridge.request('READ_HISTORY', {});
  if (history.ok) state.history.value = history.value;
  return history.ok ? state.graph.peek() : buildHistoryGraph([]);
}
