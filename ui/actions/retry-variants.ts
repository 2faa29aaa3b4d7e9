/**
 * Retry and Regenerate in a batch of variants (docs/variants.md#retry-and-regenerate): runs some of the last batch's
 * variants again, and only those, with the batch's own request (held by ui/actions/held-batch.ts, so nothing is
 * exported again) and each one's variant index. Retry runs failed variants: a failure was never cached, so the
 * call is the one that failed. Regenerate runs a made variant for a new picture, so it skips the proxy's cache
 * (`cache: false`), which would otherwise answer with the same image. Each new result joins the batch's row
 * (plugin/variant-spot.ts: right of its rightmost result, named by its place), beside what is there, replacing
 * nothing, with its own turn record and undo step. Progress and Cancel work as for the batch.
 */
import { batch } from '@preact/signals';
import { appError, type AppError } from '../../core/errors.js';
import { batchSummary, outcomesAfter } from '../../core/batch-retry.js';
import type { PlacedResult } from '../../core/messages.js';
import { fail, type Result } from '../../core/result.js';
import type { VariantOutcome } from '../../core/variant-summary.js';
import type { BatchResult } from '../variant-state.js';
import type { AppDeps } from './deps.js';
import { heldBatchOf, type HeldBatch } from './held-batch.js';
import { placeAnswerAsync } from './place-answer.js';
import { startRun } from './run.js';

/** Runs the last batch's variants `indices` again: failed ones (Retry), or made ones for a new picture (`fresh`). */
export async function rerunVariantsAsync(deps: AppDeps, indices: readonly number[], fresh: boolean): Promise<void> {
  const { state } = deps;
  const last = state.variants.lastBatch.peek();
  if (state.run.peek() || !last) return;
  const held = heldBatchOf(state, last.batchId);
  if (!held) {
    state.error.value = appError(
      'bad_request',
      'This batch’s request is no longer in the panel. Select its source and press Generate again.',
    );
    return;
  }
  const wanted = [...new Set(indices)].filter((i) => Number.isInteger(i) && i >= 0 && i < held.count);
  if (wanted.length === 0) return;
  const outcomes: VariantOutcome[] = wanted.map(() => null);
  const estimate = held.callEstimateUsd === null ? null : held.callEstimateUsd * wanted.length;
  const run = startRun(deps, 'generating', () => (state.variants.progress.value = [...outcomes]), estimate);
  const made = await runCallsAsync(deps, held, wanted, fresh, run.signal, (slot, outcome) => {
    outcomes[slot] = outcome;
    if (run.isCurrent()) state.variants.progress.value = [...outcomes];
  });
  const again = wanted.map((index, slot) => ({ index, outcome: outcomes[slot] ?? null }));
  const after = afterRerun(last, again, made, fresh);
  const ended = run.end(() => {
    state.variants.progress.value = null;
    state.variants.lastBatch.value = after;
    const failure = made.length === 0 ? outcomes.find((o) => o && !o.ok) : undefined;
    if (failure && !failure.ok) state.error.value = rerunError(fresh, wanted.length, failure.error);
  });
  // Cancelled: what was placed before Cancel stays and is listed, unless a new run has started meanwhile.
  if (!ended && state.run.peek() === null) {
    batch(() => {
      state.variants.progress.value = null;
      state.variants.lastBatch.value = after;
    });
  }
}

/** The N calls, in parallel, each placed as it arrives, one placement at a time; returns what was placed. */
async function runCallsAsync(
  deps: AppDeps,
  held: HeldBatch,
  wanted: readonly number[],
  fresh: boolean,
  signal: AbortSignal,
  settle: (slot: number, outcome: VariantOutcome) => void,
): Promise<PlacedResult[]> {
  const proxy = deps.proxyFor(deps.state.settings.peek());
  // The selection now is the press's: the results join it only while it stays so (core/pressed-selection.ts).
  const pressed = { ...held.pressed, pressedSelection: deps.state.selection.peek().map((node) => node.id) };
  const made: PlacedResult[] = [];
  let placing: Promise<unknown> = Promise.resolve();
  await Promise.all(
    wanted.map(async (index, slot) => {
      const request = { ...held.request, variant: index, ...(fresh ? { cache: false } : {}) };
      const answer = await proxy.generate(request, signal);
      if (!answer.ok) return settle(slot, { ok: false, error: answer.error });
      const next: Promise<Result<PlacedResult>> = placing.then(() =>
        signal.aborted
          ? fail(appError('cancelled'))
          : placeAnswerAsync(deps, held.placement, answer.value, {
              signal,
              variant: { index, count: held.count, batch: held.batchId },
              pressed,
            }),
      );
      placing = next.catch(() => undefined);
      const placed = await next;
      if (placed.ok) made.push(placed.value);
      settle(slot, placed.ok ? { ok: true } : { ok: false, error: placed.error });
    }),
  );
  return made;
}

/** The batch's note after a rerun: the new results added to the row's, the tally updated. */
function afterRerun(
  last: BatchResult,
  again: readonly { index: number; outcome: VariantOutcome }[],
  made: readonly PlacedResult[],
  fresh: boolean,
): BatchResult {
  const outcomes = outcomesAfter(last.outcomes, again, fresh);
  const regenerated = last.regenerated + (fresh ? made.length : 0);
  return {
    ...last,
    placed: [...last.placed, ...made],
    outcomes,
    regenerated,
    summary: batchSummary(outcomes, regenerated),
  };
}

/** Nothing was made: which run failed, then what its failure says to do. */
function rerunError(fresh: boolean, count: number, error: AppError): AppError {
  const what = fresh ? 'The new variant was not made' : count === 1 ? 'The retry failed' : 'The retries failed';
  return { ...error, message: `${what}. ${error.message}` };
}
