/**
 * Cancel: aborts the running request at once (the proxy fetch is aborted, and the proxy aborts Gemini). Once
 * the result is being placed it is too late to cancel cleanly, so that step ignores it. A request already sent may
 * still be billed by Google (the abort does not stop the call on Google's side), so the message says what it may
 * cost: the estimate shown when it started.
 */
import { batch } from '@preact/signals';
import { appError } from '../../core/errors.js';
import type { AppState } from '../state.js';

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
