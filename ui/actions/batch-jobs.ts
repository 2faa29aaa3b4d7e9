/**
 * The "Half-price jobs" card's actions (docs/batch-jobs.md): list this person's Batch API jobs for this file, when
 * the panel opens (and when its settings change), on "Check now" and every few minutes while it is open; cancel a waiting one; place a finished
 * one's results (ui/actions/batch-jobs-place.ts); dismiss one with nothing left to place.
 */
import { effect } from '@preact/signals';
import { isOpenJob } from '../../core/batch-job-view.js';
import type { AppError } from '../../core/errors.js';
import { ok } from '../../core/result.js';
import type { BatchClient } from '../batch-client.js';
import type { JobOutcome } from '../batch-jobs-state.js';
import type { AppDeps } from './deps.js';
import { placeJobResultsAsync } from './batch-jobs-place.js';

/** How often an open panel lists the jobs again by itself. */
export const BATCH_CHECK_INTERVAL_MS = 3 * 60_000;

export interface BatchJobsActions {
  /** Lists the jobs; `quiet` (at start, on the timer) keeps a failure off the card. */
  checkAsync(quiet?: boolean): Promise<void>;
  /** Places the job's results beside their sources; `anyway` places those whose source is gone too. */
  placeAsync(jobId: string, anyway?: boolean): Promise<void>;
  /** Cancels a waiting job, at Google too. */
  cancelAsync(jobId: string): Promise<void>;
  /** Hides a job with nothing left to place, for this panel session. */
  dismiss(jobId: string): void;
  /** Lists now and every {@link BATCH_CHECK_INTERVAL_MS}; returns the stop. */
  watch(): () => void;
}

/** The batch calls for the current settings: `deps.batchesFor`. */
export function createBatchJobsActions(deps: AppDeps & { batchesFor(): BatchClient }): BatchJobsActions {
  const jobs = deps.state.batchJobs;
  /** Results placed on the canvas whose mark at the proxy has not been answered yet, by job: never placed twice. */
  const unmarked = new Map<string, Set<number>>();

  const listAsync = async (quiet: boolean): Promise<void> => {
    jobs.checking.value = true;
    try {
      // A file without a key has no jobs (the key is made when the first one is submitted): nothing to ask.
      const key = await deps.bridge.request('PEEK_FILE_KEY', {});
      const listed = !key.ok ? key : key.value === null ? ok([]) : await deps.batchesFor().listBatchesAsync(key.value);
      if (listed.ok) {
        jobs.jobs.value = listed.value;
        jobs.error.value = null;
      } else if (!quiet) jobs.error.value = listed.error;
    } finally {
      jobs.checking.value = false;
    }
  };
  // One list at a time, in order: a check asked for while one is on its way lists again after it.
  let last: Promise<void> = Promise.resolve();
  const checkAsync = (quiet = false): Promise<void> => {
    const next = last.then(() => listAsync(quiet));
    last = next.catch(() => undefined);
    return next;
  };

  const setOutcome = (jobId: string, outcome: JobOutcome): void => {
    const next = new Map(jobs.outcomes.peek());
    next.set(jobId, outcome);
    jobs.outcomes.value = next;
  };

  const runAsync = async (jobId: string, work: () => Promise<JobOutcome>): Promise<void> => {
    if (jobs.busy.peek()) return;
    jobs.busy.value = jobId;
    try {
      setOutcome(jobId, await work());
    } finally {
      jobs.busy.value = null;
    }
    await checkAsync(true);
  };

  return {
    checkAsync,
    placeAsync: (jobId, anyway = false) =>
      runAsync(jobId, () => placeJobResultsAsync(deps, deps.batchesFor(), jobId, { anyway, unmarked })),
    cancelAsync: (jobId) =>
      runAsync(jobId, async () => {
        const cancelled = await deps.batchesFor().cancelBatchAsync(jobId);
        return { placed: 0, gone: [], failed: [], names: {}, note: cancelNote(cancelled) };
      }),
    dismiss(jobId) {
      const job = jobs.jobs.peek().find((j) => j.id === jobId);
      if (job && isOpenJob(job)) return;
      jobs.dismissed.value = new Set([...jobs.dismissed.peek(), jobId]);
    },
    watch() {
      // Now, and again whenever the settings change (a token pasted, another proxy).
      const stopSettings = effect(() => {
        void deps.state.settings.value;
        void checkAsync(true);
      });
      const timer = setInterval(() => void checkAsync(true), BATCH_CHECK_INTERVAL_MS);
      return () => {
        stopSettings();
        clearInterval(timer);
      };
    },
  };
}

function cancelNote(cancelled: { ok: true; value: { state: string } } | { ok: false; error: AppError }): string {
  if (!cancelled.ok) return `Not cancelled: ${cancelled.error.message}`;
  if (cancelled.value.state === 'cancelled') return 'Cancelled at Google; nothing of it was billed.';
  return 'It had already finished, so there was nothing to cancel.';
}
