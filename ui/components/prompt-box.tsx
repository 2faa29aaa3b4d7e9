/** The prompt, with ⌘/Ctrl+Enter to send; "Continue from here" puts the cursor in it. */
import { useEffect, useRef } from 'preact/hooks';
import { isSendShortcut } from '../send-shortcut.js';

export interface PromptBoxProps {
  prompt: string;
  /** Generate will edit the selected layer. */
  editing: boolean;
  /** The selected layer is a result, so the prompt continues its conversation. */
  continuing: boolean;
  /** Grows each time the cursor should move into the box ("Continue from here", a style preset). */
  focusRequest: number;
  onPromptChange(prompt: string): void;
  /** ⌘/Ctrl+Enter. */
  onSend(): void;
}

export function PromptBox({
  prompt,
  editing,
  continuing,
  focusRequest: focus,
  onPromptChange,
  onSend,
}: PromptBoxProps) {
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
        value={prompt}
        placeholder={
          continuing
            ? 'What next? e.g. navy jacket'
            : editing
              ? 'What should change? e.g. warmer light'
              : 'Describe the image to make'
        }
        onInput={(event) => onPromptChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (!isSendShortcut(event)) return;
          event.preventDefault();
          onSend();
        }}
      />
    </div>
  );
}
