/**
 * The batch over a selection's actions, as the panel calls them (docs/batch.md): choose between editing each frame
 * on its own and the selection as one edit, open and close the confirm card (nothing is sent until a Run is
 * pressed), run now or at half price, and retry the failed calls.
 */
import { appError } from '../../core/errors.js';
import { selectionKeyOf } from '../batch-derive.js';
import type { AppDeps } from './deps.js';
import { retryBatchFailedAsync, runBatchNowAsync } from './batch-run.js';
import { submitBatchAsync } from './batch-submit.js';

export interface BatchActions {
  /** Each selected frame on its own (`true`), or the selection as one edit with references, as before. */
  chooseEach(each: boolean): void;
  /** Shows the confirm card with the batch's cost; sends nothing. */
  review(): void;
  /** Closes the confirm card. */
  back(): void;
  /** Runs every frame now, at the standard rate. */
  runNowAsync(): Promise<void>;
  /** Submits every frame to the Batch API, at half price. */
  submitAsync(): Promise<void>;
  /** Runs again only the calls that failed. */
  retryFailedAsync(): Promise<void>;
}

export function createBatchActions(deps: AppDeps, onSubmitted?: () => void): BatchActions {
  const { state } = deps;
  return {
    chooseEach: (each) => {
      state.batch.choice.value = { key: selectionKeyOf(state.selection.peek()), each };
      state.batch.confirming.value = null;
    },
    review: () => {
      if (!state.prompt.peek().trim()) {
        state.error.value = appError('bad_request', 'Type what to do to each frame first.');
        return;
      }
      state.error.value = null;
      state.batch.confirming.value = selectionKeyOf(state.selection.peek());
    },
    back: () => {
      state.batch.confirming.value = null;
    },
    runNowAsync: () => runBatchNowAsync(deps),
    submitAsync: () => submitBatchAsync(deps, onSubmitted),
    retryFailedAsync: () => retryBatchFailedAsync(deps),
  };
}
