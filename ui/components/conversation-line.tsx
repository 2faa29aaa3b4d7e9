/**
 * The line under the selected layer's name (ui/components/selection-card.tsx): for a result, which turn of its
 * conversation it is and whether Generate continues it or branches from it; for any other layer, that the result goes
 * beside it; with a link to its History when it has one.
 */
import type { HistoryChain, HistoryTurn } from '../../core/history-graph.js';

/** What the selected layer's turn is, for the line under its name. */
export interface ConversationLineProps {
  turn: HistoryTurn | null;
  /** Why its record could not be read, when it could not. */
  damage: { message: string } | null;
  chain: HistoryChain | null;
  /** Results were made from this layer (it has a History to show). */
  hasHistory: boolean;
  onShowHistory(): void;
}

/** What the next Generate does with the selected layer: a first edit, the next turn, or a new branch. */
export function ConversationLine({ turn, damage, chain, hasHistory, onShowHistory }: ConversationLineProps) {
  const history = (
    <button type="button" class="link" onClick={() => onShowHistory()}>
      History
    </button>
  );
  if (damage) {
    return (
      <span class="muted" data-code="corrupt_history">
        This layer’s history is damaged; it can still be used as an image. The next result starts a new history.
      </span>
    );
  }
  if (!turn || !chain) {
    const made = hasHistory;
    return (
      <span class="muted">
        The result goes beside it; this layer is not changed.{made ? ' ' : ''}
        {made && history}
      </span>
    );
  }
  const number = chain.turns.length + (chain.missing ? 1 : 0);
  const continued = turn.children.length > 0;
  return (
    <span class="muted">
      {turn.record.provenance.aiGenerated ? 'AI-generated' : 'Your image, adjusted'} · turn {number}.{' '}
      {continued
        ? 'Generate adds a new branch from this turn, placed below the others.'
        : 'Generate continues from this turn.'}{' '}
      {history}
    </span>
  );
}
