/**
 * The turn the panel would plan for its current inputs, as `createAppState()` derives it for the estimate and the
 * replay hint: nothing without a model or a valid request plan; variants are always stateless.
 */
import type { BrandContext } from './brand-context.js';
import type { HistoryChain } from './history-graph.js';
import type { LiveTurn } from './live-replay.js';
import type { PublicModel } from './proxy-schema.js';
import type { RequestPlan } from './request-plan.js';
import type { Result } from './result.js';
import { planTurn, type TurnPlan } from './turn-plan.js';

/** The panel's inputs as its state holds them. */
export interface NextTurnInput {
  model: PublicModel | null;
  shape: Result<RequestPlan> | null;
  instruction: string;
  /** The target's chain as the page's history was last read, or null. */
  chain: HistoryChain | null;
  session: readonly LiveTurn[];
  variantCount: number;
  /** The file's brand when the Brand toggle is on, else null. */
  brand?: BrandContext | null;
}

/** The next press's plan, or null when it cannot be planned. */
export function planNextTurn(input: NextTurnInput): TurnPlan | null {
  if (!input.model || !input.shape?.ok) return null;
  return planTurn({
    model: input.model,
    instruction: input.instruction,
    shape: input.shape.value,
    chain: input.chain?.turns.map((turn) => turn.record) ?? [],
    live: input.variantCount > 1 ? null : { session: input.session, replay: true },
    brand: input.brand ?? null,
  });
}
