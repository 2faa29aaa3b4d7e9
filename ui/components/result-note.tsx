/**
 * The last result: its name, what it cost (or that the proxy's cache answered), and a button to select it again; and
 * when its source was deleted while Gemini worked, that it was placed where the source was.
 */
import type { PlacedResult } from '../../core/messages.js';
import { formatUsage } from '../format.js';

export interface ResultNoteProps {
  result: PlacedResult | null;
  /** A Generate is running (the note waits until it ends). */
  running: boolean;
  onShow(): void;
}

export function ResultNote({ result, running, onShow }: ResultNoteProps) {
  if (!result || running) return null;
  return (
    <p class="note" role="status">
      {result.sourceDeleted && (
        <>{result.sourceDeleted.name} was deleted while Gemini worked; the result is where it was. </>
      )}
      {result.record.replacedFill
        ? `Applied in place to “${result.name}” (⌘Z undoes it). `
        : `Added “${result.name}”. `}
      <span class="muted cost">{formatUsage(result.record.usage)}</span>.{' '}
      <button type="button" class="link" onClick={() => onShow()}>
        Show it
      </button>
    </p>
  );
}
