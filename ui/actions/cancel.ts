/**
 * Cancel: aborts the running request at once (the proxy fetch is aborted, and the proxy aborts Gemini). Once
 * the result is being placed it is too late to cancel cleanly, so that step ignores it.
 */
import { batch } from '@preact/signals';
import { appError } from '../../core/errors.js';
import type { AppState } from '../state.js';

export function cancelRun(state: AppState): void {
  const run = state.run.peek();
  if (!run || run.step === 'placing') return;
  run.controller.abort();
  batch(() => {
    state.run.value = null;
    state.error.value = appError('cancelled');
  });
}
