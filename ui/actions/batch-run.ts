/**
 * Run a batch over a selection now, at the standard rate (docs/batch.md#run-now): each frame exported and sent as a
 * single edit of it would be (ui/actions/batch-press.ts), N variants of it as N calls, a few calls at a time within
 * the proxy's fair share (core/batch-pool.ts: a `Retry-After` is waited out, not counted failed). Each answer is
 * placed beside its own frame as it arrives, one placement at a time, by the single edit's own code
 * (ui/actions/place-answer.ts): a new layer with its own turn record, one undo step, live text kept. The selection
 * is left alone, so the batch stays in view.
 *
 * - Progress: "12 of 40 done · 2 failed" as calls end; the tally at the end with the time taken and the cost.
 * - One Cancel: the run's abort signal stops the calls in flight (the proxy aborts Gemini) and starts no more; a
 *   result already on its way to the canvas still lands whole, nothing after it. The note says what stays and what
 *   the stopped calls may still cost.
 * - Retry the failed ones: only their calls run again, with the requests already built (held here, in memory, for
 *   the last batch only), so nothing else is exported again.
 */
import { batch } from '@preact/signals';
import type { BatchFrame, BatchPlan } from '../../core/batch-plan.js';
import { DEFAULT_POOL_SIZE, runPoolAsync } from '../../core/batch-pool.js';
import { failedCalls, type BatchOutcome } from '../../core/batch-summary.js';
import { appError, type AppError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import { newTurnId } from '../../core/turn-id.js';
import type { BatchRunView, BatchUnit } from '../batch-state.js';
import type { AppState } from '../state.js';
import { batchPlanAtPressAsync, prepareBatchFrameAsync } from './batch-press.js';
import type { AppDeps } from './deps.js';
import { placeAnswerAsync } from './place-answer.js';
import type { PreparedTurn } from './prepared-turn.js';
import { startRun } from './run.js';

/** The last batch's frames and requests, kept for Retry; gone when the panel closes (they hold image bytes). */
interface HeldRun {
  id: string;
  frames: ReadonlyMap<string, BatchFrame>;
  units: BatchUnit[];
  variants: number;
  /** Each frame's prepared request (shared by its variants); a failed one is prepared again on Retry. */
  prepared: Map<string, Promise<Result<PreparedTurn>>>;
  /** Each frame's variant batch id, when it has several variants (its records group them). */
  variantBatch: Map<string, string>;
}

const held = new WeakMap<AppState, HeldRun>();

/** Waits `ms`, or until `signal` is aborted. */
function sleepAsync(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Runs the batch the panel shows now, every frame × variant. */
export async function runBatchNowAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const plan = await batchPlanAtPressAsync(deps);
  if (!plan.ok) {
    state.error.value = plan.error;
    return;
  }
  const run = holdRun(state, plan.value);
  batch(() => {
    state.batch.confirming.value = null;
    state.batch.submitted.value = null;
  });
  await runUnitsAsync(
    deps,
    run,
    run.units.map((_, i) => i),
    null,
  );
}

/** Runs again only the calls of the last batch that failed. */
export async function retryBatchFailedAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  const last = state.batch.run.peek();
  if (state.run.peek() || !last || last.running) return;
  const run = held.get(state);
  if (!run || run.id !== last.id) {
    state.error.value = appError('bad_request', 'This batch is no longer in the panel. Select its frames again.');
    return;
  }
  const failed = failedCalls(last.outcomes);
  if (failed.length > 0) await runUnitsAsync(deps, run, failed, last);
}

function holdRun(state: AppState, plan: BatchPlan): HeldRun {
  const units = plan.frames.flatMap((f) =>
    Array.from({ length: plan.variants }, (_, variant) => ({ frame: { id: f.frame.id, name: f.frame.name }, variant })),
  );
  const run: HeldRun = {
    id: newTurnId(),
    frames: new Map(plan.frames.map((f) => [f.frame.id, f])),
    units,
    variants: plan.variants,
    prepared: new Map(),
    variantBatch: new Map(plan.variants > 1 ? plan.frames.map((f) => [f.frame.id, newTurnId()]) : []),
  };
  held.set(state, run);
  return run;
}

/** Runs the calls `indices` of `run` in the pool; `previous` is the note they are run again from (Retry). */
async function runUnitsAsync(
  deps: AppDeps,
  run: HeldRun,
  indices: readonly number[],
  previous: BatchRunView | null,
): Promise<void> {
  const { state } = deps;
  const callUsd = (i: number): number => run.frames.get(run.units[i]!.frame.id)?.callUsd ?? 0;
  const estimate = indices.reduce((sum, i) => sum + callUsd(i), 0);
  const outcomes: BatchOutcome[] = previous ? [...previous.outcomes] : run.units.map(() => null);
  for (const i of indices) outcomes[i] = null;
  const placed = new Map(previous?.placed ?? []);
  const waiting = new Set<number>();
  const inFlight = new Set<number>();
  const startedAt = deps.now();
  const view = (running: boolean, cancelled = false): BatchRunView => ({
    id: run.id,
    units: run.units,
    outcomes: [...outcomes],
    waiting: waiting.size,
    placed: new Map(placed),
    running,
    elapsedMs: (previous?.elapsedMs ?? 0) + deps.now() - startedAt,
    cancelled,
  });
  const started = startRun(deps, 'generating', () => (state.batch.run.value = view(true)), estimate);
  const { signal } = started;
  let stoppedUsd = 0;
  signal.addEventListener('abort', () => (stoppedUsd = [...inFlight].reduce((sum, i) => sum + callUsd(i), 0)));
  const show = (): void => {
    if (started.isCurrent()) state.batch.run.value = view(true);
  };
  const place = serialQueue();
  await runPoolAsync({
    count: indices.length,
    size: DEFAULT_POOL_SIZE,
    signal,
    sleepAsync,
    attemptAsync: async (k) => {
      const index = indices[k]!;
      waiting.delete(index);
      inFlight.add(index);
      show();
      const result = await attemptUnitAsync(deps, run, index, signal, place);
      inFlight.delete(index);
      return result;
    },
    onWait: (k) => {
      waiting.add(indices[k]!);
      show();
    },
    settle: (k, result) => {
      const index = indices[k]!;
      outcomes[index] = result.ok ? { ok: true, costUsd: result.value.costUsd } : { ok: false, error: result.error };
      if (result.ok) placed.set(index, result.value.nodeId);
      show();
    },
  });
  const ended = started.end(() => (state.batch.run.value = view(false)));
  // Cancelled: cancelRun has ended the run; say what stays and what may be billed, unless a new run has started.
  if (!ended && state.run.peek() === null) {
    batch(() => {
      state.batch.run.value = view(false, true);
      state.error.value = cancelledError(placed.size, run.units.length, stoppedUsd);
    });
  }
}

/** What Cancel left: the results that stay; what the stopped calls may cost goes with it (the banner says). */
function cancelledError(made: number, total: number, stoppedUsd: number): AppError {
  const stays =
    made === 0
      ? 'Nothing was added to the canvas.'
      : `${made} of ${total} results had already been placed and stay on the canvas; nothing more is added.`;
  const stopped = stoppedUsd > 0 ? ' The requests that were running were stopped.' : '';
  return {
    ...appError('cancelled', `Cancelled. ${stays}${stopped}`),
    ...(stoppedUsd > 0 ? { mayHaveBilledUsd: stoppedUsd } : {}),
  };
}

/** One call: the frame's request (prepared once), the proxy's answer, and its placement beside the frame. */
async function attemptUnitAsync(
  deps: AppDeps,
  run: HeldRun,
  index: number,
  signal: AbortSignal,
  place: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Result<{ nodeId: string; costUsd: number }>> {
  const unit = run.units[index]!;
  const frame = run.frames.get(unit.frame.id)!;
  const prepared = await preparedOf(deps, run, frame, signal);
  if (!prepared.ok) return prepared;
  const { request, placement } = prepared.value;
  const proxy = deps.proxyFor(deps.state.settings.peek());
  const answer = await proxy.generate(run.variants > 1 ? { ...request, variant: unit.variant } : request, signal);
  if (!answer.ok) return answer;
  const batchId = run.variantBatch.get(frame.frame.id);
  const box = frame.frame.box;
  const placed = await place(() =>
    signal.aborted
      ? Promise.resolve(fail(appError('cancelled')))
      : placeAnswerAsync(deps, placement, answer.value, {
          signal,
          ...(batchId ? { variant: { index: unit.variant, count: run.variants, batch: batchId } } : {}),
          // The batch leaves the selection alone (it is not the frame's alone), so the batch stays in view.
          pressed: {
            pressedSelection: [frame.frame.id],
            ...(box && box.width > 0 && box.height > 0 ? { pressedSource: { name: frame.frame.name, box } } : {}),
          },
        }),
  );
  if (!placed.ok) return placed;
  return ok({ nodeId: placed.value.nodeId, costUsd: answer.value.cached ? 0 : answer.value.usage.costUsd });
}

/** The frame's request, exported once for all its variants; one that failed is exported again next time. */
function preparedOf(
  deps: AppDeps,
  run: HeldRun,
  frame: BatchFrame,
  signal: AbortSignal,
): Promise<Result<PreparedTurn>> {
  const known = run.prepared.get(frame.frame.id);
  if (known) return known;
  const preparing = prepareBatchFrameAsync(deps, frame, signal).then((result) => {
    if (!result.ok && run.prepared.get(frame.frame.id) === preparing) run.prepared.delete(frame.frame.id);
    return result;
  });
  run.prepared.set(frame.frame.id, preparing);
  return preparing;
}

/** Runs tasks one at a time, in the order they were queued: one image crosses to the sandbox at once. */
function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}
