/**
 * Generate N variants (issue 8, DESIGN.md §6). Gemini's image models take no `candidateCount` above 1
 * (gemini-api.md §0.6), so N variants are N parallel proxy calls of whatever single request the panel builds
 * (`prepareTurnAsync`: text-to-image, an edit, and any other kind it learns), each with its own `variant` index so
 * the proxy's cache keeps the N answers apart. The request is built once (one export, not N).
 *
 * - Progress: the panel shows "2 of 4 done…" as calls end (core/variant-summary.ts), and the tally at the end,
 *   with partial success: "3 of 4 done; 1 was blocked by safety filters". When none succeeds, the error says why.
 * - Placement: each answer is placed as it arrives, in the batch's row (plugin/variant-spot.ts), one at a time so
 *   only one image crosses to the sandbox at once (figma-api.md §0.8). Each is its own undo step (see
 *   plugin/place-result.ts) and carries its own turn record with its variant index, so any one can be continued.
 * - One Cancel for all: the N calls share one abort signal. Calls still running are aborted (the proxy aborts
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
import { prepareTurnAsync, setRunStep, startRun } from './generate.js';

/** Runs `count` variants of the current request unless something is already running. Resolves when all ended. */
export async function generateVariantsAsync(deps: AppDeps, count: number): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) {
    state.error.value = appError('bad_request', `Ask for 1 to ${MAX_VARIANTS} variants.`);
    return;
  }
  const outcomes: VariantOutcome[] = Array.from({ length: count }, () => null);
  const started = startRun(deps, () => {
    state.variants.lastBatch.value = null;
    state.variants.progress.value = [...outcomes];
  });
  if (!started) return;
  const { run, model, prompt, plan } = started;
  const signal = run.controller.signal;
  const current = (): boolean => state.run.peek()?.controller === run.controller;

  const prepared = await prepareTurnAsync(deps, signal, model, prompt, plan);
  if (!prepared.ok) {
    if (current()) {
      batch(() => {
        state.run.value = null;
        state.variants.progress.value = null;
        state.error.value = prepared.error;
      });
    }
    return;
  }
  setRunStep(state, run, 'generating');

  const batchId = newTurnId();
  const proxy = deps.proxyFor(state.settings.peek());
  const placed: (PlacedResult | null)[] = Array.from({ length: count }, () => null);
  let placing: Promise<unknown> = Promise.resolve();
  const settle = (index: number, result: Result<PlacedResult>): void => {
    outcomes[index] = result.ok ? { ok: true } : { ok: false, error: result.error };
    if (result.ok) placed[index] = result.value;
    if (current()) state.variants.progress.value = [...outcomes];
  };
  await Promise.all(
    outcomes.map(async (_, index) => {
      const answer = await proxy.generate({ ...prepared.value.request, variant: index }, signal);
      if (!answer.ok) return settle(index, answer);
      // One placement at a time, in the order the answers came in.
      const next = placing.then(() =>
        signal.aborted
          ? fail(appError('cancelled'))
          : prepared.value.finishAsync(answer.value, { signal, variant: { index, count, batch: batchId } }),
      );
      placing = next.catch(() => undefined);
      settle(index, await next);
    }),
  );

  const made = placed.filter((p): p is PlacedResult => p !== null);
  if (!current()) {
    // Cancelled: cancelRun has cleared the run and said "cancelled"; say what stays, unless something new started.
    if (signal.aborted && state.run.peek() === null && state.error.peek()?.code === 'cancelled' && made.length > 0) {
      batch(() => {
        state.error.value = appError(
          'cancelled',
          `Cancelled. ${made.length} of ${count} variants had already been placed and stay on the canvas; nothing more is added.`,
        );
        state.variants.lastBatch.value = { placed: made, count, summary: summarizeVariants(outcomes) };
      });
    }
    if (state.run.peek() === null) state.variants.progress.value = null;
    return;
  }
  batch(() => {
    state.run.value = null;
    state.variants.progress.value = null;
    if (made.length === 0) state.error.value = noneMadeError(outcomes);
    else state.variants.lastBatch.value = { placed: made, count, summary: summarizeVariants(outcomes) };
  });
}

/** When no variant was made: the tally, then what the first failure says to do next. */
function noneMadeError(outcomes: readonly VariantOutcome[]): AppError {
  const first = outcomes.find((o): o is { ok: false; error: AppError } => o !== null && !o.ok)?.error;
  if (!first) return appError('internal_error');
  return appError(first.code, `${summarizeVariants(outcomes)}. ${first.message}`);
}
