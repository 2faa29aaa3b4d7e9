/** The prompt, with ⌘/Ctrl+Enter to send; "Continue from here" puts the cursor in it. */
import { useEffect, useRef } from 'preact/hooks';
import { isSendShortcut } from '../send-shortcut.js';
import type { PanelProps } from './props.js';

export function PromptBox({ state, actions }: PanelProps) {
  const editing = state.mode.value === 'edit';
  const continuing = state.targetTurn.value !== null;
  const focus = state.promptFocus.value;
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus > 0) box.current?.focus();
  }, [focus]);
  return (
    <div class="field">
      <label for="prompt">Prompt</label>
      <textarea
        ref={box}
        id="prompt"
        rows={4}
        value={state.prompt.value}
        placeholder={
          continuing
            ? 'What next? e.g. navy jacket'
            : editing
              ? 'What should change? e.g. warmer light'
              : 'Describe the image to make'
        }
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
