/**
 * The one running Generate (a single result or N variants): the run object owns starting it, moving it from step to
 * step, ending it, and Cancel, and it alone answers "is this run still the state's?" — a run that was cancelled, or
 * replaced by a newer one, must not touch the state again.
 *
 * Cancel aborts the running request at once (the proxy fetch is aborted, and the proxy aborts Gemini). Once the
 * result is being placed it is too late to cancel cleanly, so that step ignores it. A request already sent may still
 * be billed by Google (the abort does not stop the call on Google's side), so the message says what it may cost: the
 * estimate shown when it started.
 */
import { batch } from '@preact/signals';
import { appError } from '../../core/errors.js';
import type { LiveEvent } from '../proxy-stream.js';
import type { AppState, LivePreview, RunState } from '../state.js';
import type { AppDeps } from './deps.js';

/** A started run, as the actions that drive it see it. */
export interface Run {
  /** Aborted by Cancel. */
  readonly signal: AbortSignal;
  /** Whether this run is still the state's: not cancelled, not ended, not replaced. */
  isCurrent(): boolean;
  /** Moves the run to `step`, unless it has ended (or been cancelled) meanwhile. */
  step(step: RunState['step']): void;
  /** Shows a live answer's stage or newest draft while generating (never placed, never stored). */
  preview(event: LiveEvent): void;
  /**
   * Ends the run and applies `outcome` in the same batch, when it is still current; a cancelled run has already
   * been ended and reported by {@link cancelRun}, so then nothing happens. Returns whether it was current.
   */
  end(outcome?: () => void): boolean;
}

/**
 * Starts a run at `step` with the estimate shown now (or `estimateUsd`, for a run that is not the next press): the run becomes the state's, the last error and result are
 * cleared, and so is whatever `clear` clears, in one batch.
 */
export function startRun(
  deps: AppDeps,
  step: RunState['step'],
  clear?: () => void,
  /** The run's own estimate (an image tool's), instead of Generate's. */
  estimateUsd?: number | null,
): Run {
  const { state } = deps;
  const controller = new AbortController();
  batch(() => {
    const estimate = estimateUsd !== undefined ? estimateUsd : state.runEstimateUsd.peek();
    state.run.value = { startedAt: deps.now(), controller, step, estimateUsd: estimate };
    state.error.value = null;
    state.lastResult.value = null;
    clear?.();
  });
  const isCurrent = (): boolean => !controller.signal.aborted && state.run.peek()?.controller === controller;
  return {
    signal: controller.signal,
    isCurrent,
    step: (next) => {
      const current = state.run.peek();
      if (isCurrent() && current) state.run.value = { ...current, step: next };
    },
    preview: (event) => {
      const current = state.run.peek();
      if (!isCurrent() || current?.step !== 'generating') return;
      state.run.value = { ...current, live: nextPreview(current.live, event) };
    },
    end: (outcome) => {
      if (!isCurrent()) return false;
      const ending = state.run.peek();
      batch(() => {
        state.run.value = null;
        outcome?.();
        withDroppedCallCost(state, ending);
      });
      return true;
    },
  };
}

/** The preview after `event`: a stage moves the line on; a draft replaces the one shown (as a data URL). */
function nextPreview(live: LivePreview | undefined, event: LiveEvent): LivePreview {
  if (event.event === 'stage') return { stage: event.data.stage, draft: live?.draft ?? null };
  const { index, image } = event.data;
  return { stage: live?.stage ?? 'draft', draft: { index, url: `data:${image.mimeType};base64,${image.data}` } };
}

/**
 * A connection that dropped while generating may still be billed by Google, as a cancelled call may: the error says
 * about how much (the estimate shown when the run started).
 */
function withDroppedCallCost(state: AppState, run: RunState | null): void {
  const error = state.error.peek();
  if (error?.code !== 'connection_dropped' || error.mayHaveBilledUsd || run?.step !== 'generating') return;
  if (run.estimateUsd) state.error.value = { ...error, mayHaveBilledUsd: run.estimateUsd };
}

/** Cancel: aborts the state's run and ends it with `cancelled`, saying what Gemini may bill for it. */
export function cancelRun(state: AppState): void {
  const run = state.run.peek();
  if (!run || run.step === 'placing') return;
  run.controller.abort();
  const mayHaveBilledUsd = run.step === 'generating' && run.estimateUsd ? run.estimateUsd : null;
  batch(() => {
    state.run.value = null;
    state.error.value = { ...appError('cancelled'), ...(mayHaveBilledUsd !== null ? { mayHaveBilledUsd } : {}) };
  });
}
