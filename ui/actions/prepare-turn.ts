/**
 * Builds a planned turn's request from the images the sandbox exports; nothing is placed and the proxy is not
 * called yet. The plan's kind picks the way: a regional edit has its own runner (ui/actions/generate-region.ts),
 * text-to-image and whole-frame edits go here. Variants (ui/actions/generate-variants.ts) prepare once and send N
 * times.
 */
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import { statelessPlanOf, type TurnPlan } from '../../core/turn-plan.js';
import { recordBrandOf, recordInputsOf, replayRefusal, turnRequest } from '../../core/turn-request.js';
import type { AppDeps } from './deps.js';
import { exportTurnImagesAsync } from './export-turn-images.js';
import { fitSentImagesAsync } from './fit-sent-images.js';
import { prepareRegionalTurnAsync } from './generate-region.js';
import type { PreparedTurn } from './prepared-turn.js';
import { createTurnExports, type TurnExports } from './turn-exports.js';

/**
 * Exports what `plan` sends and builds its request and placement. `exports` are the run's: a turn prepared again
 * with the same ones reuses what was exported (ui/actions/turn-exports.ts).
 */
export function prepareTurnAsync(
  deps: AppDeps,
  signal: AbortSignal,
  plan: TurnPlan,
  exports: TurnExports = createTurnExports(deps),
): Promise<Result<PreparedTurn>> {
  return plan.kind === 'regional-edit'
    ? prepareRegionalTurnAsync(deps, signal, plan, exports)
    : prepareFrameTurnAsync(signal, plan, exports);
}

/**
 * Text-to-image or a whole-frame edit. A replay that turns out too large once its references are exported is
 * planned again and sent stateless (core/turn-request.ts `replayRefusal`).
 */
async function prepareFrameTurnAsync(
  signal: AbortSignal,
  plan: TurnPlan,
  exports: TurnExports,
): Promise<Result<PreparedTurn>> {
  const exported = await exportTurnImagesAsync(exports, plan);
  if (!exported.ok) return exported;
  const sent = await fitSentImagesAsync(exports, exported.value);
  if (!sent.ok) return sent;
  if (signal.aborted) return fail(appError('cancelled'));
  const { request, images } = turnRequest(plan, sent.value);
  if (replayRefusal(plan, request) !== null) return prepareFrameTurnAsync(signal, statelessPlanOf(plan), exports);
  const target = plan.shape.target;
  return ok({
    plan,
    request,
    placement: {
      sourceNodeId: target?.id ?? null,
      liveText: plan.shape.inputs.keepText,
      fit: {
        kind: 'frame',
        frame: target ? { width: target.width, height: target.height, scale: plan.shape.exportScale } : null,
      },
      turn: {
        prompt: plan.instruction,
        params: { aspectRatio: plan.aspectRatio, imageSize: plan.imageSize },
        inputs: recordInputsOf(plan, images),
        ...(plan.brand ? { brand: recordBrandOf(plan, images) } : {}),
      },
    },
  });
}
