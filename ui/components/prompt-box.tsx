/** The prompt, with ⌘/Ctrl+Enter to send. */
import { isSendShortcut } from '../send-shortcut.js';
import type { PanelProps } from './props.js';

export function PromptBox({ state, actions }: PanelProps) {
  const editing = state.mode.value === 'edit';
  return (
    <div class="field">
      <label for="prompt">Prompt</label>
      <textarea
        id="prompt"
        rows={4}
        value={state.prompt.value}
        placeholder={editing ? 'What should change? e.g. warmer light' : 'Describe the image to make'}
        onInput={(event) => {
          state.prompt.value = event.currentTarget.value;
        }}
        onKeyDown={(event) => {
          if (!isSendShortcut(event)) return;
          event.preventDefault();
          void actions.generateAsync();
        }}
      />
    </div>
  );
}
