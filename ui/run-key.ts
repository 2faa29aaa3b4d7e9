/**
 * The keys that stop a running Generate while the panel has focus: Esc, and ⌘Z / Ctrl+Z, which cancels the run
 * first (nothing has been placed yet, so there is nothing to undo); once the run has ended, ⌘Z does what it did
 * before. Neither acts while the result is being placed, since a Cancel can no longer stop it then (ui/actions/run.ts).
 */
import type { RunState } from './state.js';

/** The parts of a keydown the decision reads. */
export interface RunKeyEvent {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** Whether this key press should cancel `run`. */
export function isRunCancelKey(event: RunKeyEvent, run: Pick<RunState, 'step'> | null): boolean {
  if (!run || run.step === 'placing' || event.isComposing) return false;
  if (event.key === 'Escape') return !event.metaKey && !event.ctrlKey && !event.altKey;
  const undo = event.key.toLowerCase() === 'z' && (event.metaKey || event.ctrlKey);
  return undo && !event.shiftKey && !event.altKey;
}
