/** What went wrong and what to do next, in the words of the error's message. */
import type { PanelProps } from './props.js';

export function ErrorBanner({ state, actions }: PanelProps) {
  const error = state.error.value;
  if (!error) return null;
  const tone = error.code === 'cancelled' ? 'info' : 'danger';
  return (
    <div class={`banner ${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-code={error.code}>
      <p>{error.message}</p>
      <button type="button" class="ghost" onClick={() => actions.dismissError()}>
        Dismiss
      </button>
    </div>
  );
}
