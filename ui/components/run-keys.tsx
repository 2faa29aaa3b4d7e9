/** Listens for the keys that cancel a running Generate (ui/run-key.ts) anywhere in the panel. Draws nothing. */
import { useEffect } from 'preact/hooks';
import { isRunCancelKey } from '../run-key.js';
import type { RunState } from '../state.js';

export interface RunKeysProps {
  run: RunState | null;
  onCancel(): void;
}

export function RunKeys({ run, onCancel }: RunKeysProps) {
  useEffect(() => {
    if (!run) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isRunCancelKey(event, run)) return;
      // ⌘Z in the prompt would also undo its text: this press is the Cancel, nothing else.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [run, onCancel]);
  return null;
}
