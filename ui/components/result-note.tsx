/** The last result's name, with a button to select it again. */
import type { PanelProps } from './props.js';

export function ResultNote({ state, actions }: PanelProps) {
  const result = state.lastResult.value;
  if (!result || state.run.value) return null;
  return (
    <p class="note" role="status">
      Added “{result.name}”.{' '}
      <button type="button" class="link" onClick={() => void actions.selectResultAsync()}>
        Show it
      </button>
    </p>
  );
}
