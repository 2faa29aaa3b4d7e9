/** The Generate button, or the running request's progress with Cancel. */
import { Progress } from './progress.js';
import type { PanelProps } from './props.js';

export function GenerateBar({ state, actions }: PanelProps) {
  const run = state.run.value;
  return (
    <div class="actions">
      <button type="button" class="primary" disabled={run !== null} onClick={() => void actions.generateAsync()}>
        Generate
      </button>
      {run ? <Progress state={state} actions={actions} /> : <span class="hint">⌘/Ctrl + Enter</span>}
    </div>
  );
}
