/** A turn ready to send: what it was planned as, the request, and how to place its answer. */
import type { GenerateRequest } from '../../core/proxy-schema.js';
import type { TurnPlan } from '../../core/turn-plan.js';
import type { Placement } from './place-answer.js';

export interface PreparedTurn {
  /** The plan as sent (a regional edit's with the crop measured on the mask). */
  plan: TurnPlan;
  /** What to send to `POST /v1/generate` (one image per call). */
  request: GenerateRequest;
  /** What `placeAnswerAsync` (ui/actions/place-answer.ts) needs to place the answer. */
  placement: Placement;
}
