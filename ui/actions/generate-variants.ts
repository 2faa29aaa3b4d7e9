/**
 * Generate N variants (docs/variants.md). Gemini's image models take no `candidateCount` above 1
 * (docs/gemini-platform.md), so N variants are N parallel proxy calls of whatever single turn the panel plans
 * (core/turn-plan.ts: text-to-image, an edit, a regional edit), each with its own `variant` index so the proxy's
 * cache keeps the N answers apart. The request is built once (one export, not N), always stateless.
 *
 * - Progress: the panel shows "2 of 4 done…" as calls end (core/variant-summary.ts), and the tally at the end,
 *   with partial success: "3 of 4 done; 1 was blocked by safety filters". When none succeeds, the error says why.
 * - Placement: each answer is placed as it arrives, in the batch's row (plugin/variant-spot.ts), one at a time so
 *   only one image crosses to the sandbox at once (docs/figma-platform.md). Each is its own undo step (see
 *   plugin/place-result.ts) and carries its own turn record with its variant index, so any one can be continued.
 * - One Cancel for all: the N calls share the run's abort signal. Calls still running are aborted (the proxy aborts
 *   Gemini); an answer that has arrived but is not yet on its way to the canvas is dropped. A result already
 *   being placed when Cancel is pressed still lands (too late to stop cleanly); nothing more is added after it.
 */
import { batch } from '@preact/signals';
import { appError, type AppError } from '../../core/errors.js';
import type { PlacedResult } from '../../core/messages.js';
import { fail, type Result } from '../../core/result.js';
import { newTurnId } from '../../core/turn-id.js';
import { MAX_VARIANTS } from '../../core/variant-layout.js';
import { summarizeVariants, type VariantOutcome } from '../../core/variant-summary.js';
import type { AppDeps } from './deps.js';
import { holdBatch } from './held-batch.js';
import { placeAnswerAsync } from './place-answer.js';
import { firstStepOf, planPressAsync, readyToGenerate, type Press } from './plan-press.js';
import { prepareTurnAsync } from './prepare-turn.js';
import { startRun } from './run.js';
import type { BatchResult } from '../variant-state.js';

/** Runs `count` variants of the current request unless something is already running. Resolves when all ended. */
export async function generateVariantsAsync(deps: AppDeps, count: number): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = pressFor(state, count);
  if (!press.ok) {
    state.error.value = press.error;
    return;
  }
  const outcomes: VariantOutcome[] = Array.from({ length: count }, () => null);
  const callEstimateUsd = state.estimateUsd.peek();
  const run = startRun(deps, firstStepOf(press.value), () => {
    state.variants.lastBatch.value = null;
    state.variants.progress.value = [...outcomes];
  });
  const { signal } = run;
  const plan = await planPressAsync(deps, press.value, false);
  const prepared = await prepareTurnAsync(deps, signal, plan);
  if (!prepared.ok) {
    run.end(() => {
      state.variants.progress.value = null;
      state.error.value = prepared.error;
    });
    return;
  }
  run.step('generating');

  const batchId = newTurnId();
  // Held for Retry and Remake: the same request, its exports included, without exporting again.
  const { request, placement } = prepared.value;
  holdBatch(state, { batchId, count, request, placement, pressed: press.value.pressed, callEstimateUsd });
  const proxy = deps.proxyFor(state.settings.peek());
  const placed: (PlacedResult | null)[] = Array.from({ length: count }, () => null);
  let placing: Promise<unknown> = Promise.resolve();
  const settle = (index: number, result: Result<PlacedResult>): void => {
    outcomes[index] = result.ok ? { ok: true } : { ok: false, error: result.error };
    if (result.ok) placed[index] = result.value;
    if (run.isCurrent()) state.variants.progress.value = [...outcomes];
  };
  await Promise.all(
    outcomes.map(async (_, index) => {
      const answer = await proxy.generate({ ...prepared.value.request, variant: index }, signal);
      if (!answer.ok) return settle(index, answer);
      // One placement at a time, in the order the answers came in.
      const next = placing.then(() =>
        signal.aborted
          ? fail(appError('cancelled'))
          : placeAnswerAsync(deps, prepared.value.placement, answer.value, {
              signal,
              variant: { index, count, batch: batchId },
              pressed: press.value.pressed,
            }),
      );
      placing = next.catch(() => undefined);
      settle(index, await next);
    }),
  );

  const made = placed.filter((p): p is PlacedResult => p !== null);
  const ended = run.end(() => {
    state.variants.progress.value = null;
    if (made.length === 0) state.error.value = noneMadeError(outcomes);
    else state.variants.lastBatch.value = batchOf(made, outcomes, batchId, callEstimateUsd);
  });
  if (!ended) {
    // Cancelled: cancelRun has cleared the run and said "cancelled"; say what stays, unless something new started.
    if (signal.aborted && state.run.peek() === null && state.error.peek()?.code === 'cancelled' && made.length > 0) {
      batch(() => {
        state.error.value = appError(
          'cancelled',
          `Cancelled. ${made.length} of ${count} variants had already been placed and stay on the canvas; nothing more is added.`,
        );
        state.variants.lastBatch.value = batchOf(made, outcomes, batchId, callEstimateUsd);
      });
    }
    if (state.run.peek() === null) state.variants.progress.value = null;
  }
}

/** The press for `count` variants, or why there is none. */
function pressFor(state: AppDeps['state'], count: number): Result<Press> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) {
    return fail(appError('bad_request', `Ask for 1 to ${MAX_VARIANTS} variants.`));
  }
  return readyToGenerate(state);
}

/** What a finished (or cancelled) batch left, for the note. */
function batchOf(
  placed: PlacedResult[],
  outcomes: readonly VariantOutcome[],
  batchId: string,
  callEstimateUsd: number | null,
): BatchResult {
  const summary = summarizeVariants(outcomes);
  return { placed, count: outcomes.length, summary, batchId, outcomes: [...outcomes], regenerated: 0, callEstimateUsd };
}

/** When no variant was made: the tally, then what the first failure says to do next. */
function noneMadeError(outcomes: readonly VariantOutcome[]): AppError {
  const first = outcomes.find((o): o is { ok: false; error: AppError } => o !== null && !o.ok)?.error;
  if (!first) return appError('internal_error');
  return appError(first.code, `${summarizeVariants(outcomes)}. ${first.message}`);
}
