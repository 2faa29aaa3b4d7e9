/** The last result: its name, what it cost (or that the proxy's cache answered), and a button to select it again. */
import { formatUsage } from '../format.js';
import type { PanelProps } from './props.js';

export function ResultNote({ state, actions }: PanelProps) {
  const result = state.lastResult.value;
  if (!result || state.run.value) return null;
  return (
    <p class="note" role="status">
      Added “{result.name}”. <span class="muted cost">{formatUsage(result.record.usage)}</span>.{' '}
      <button type="button" class="link" onClick={() => void actions.selectResultAsync()}>
        Show it
      </button>
    </p>
  );
}
