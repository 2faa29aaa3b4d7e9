/**
 * What the last batch of variants left on the canvas: the tally ("3 of 4 done; 1 was blocked by safety filters"),
 * what it cost, and a button to select them again (the way to a component set).
 */
import { formatCost } from '../format.js';
import type { BatchResult } from '../variant-state.js';

export interface VariantNoteProps {
  batch: BatchResult | null;
  /** A Generate is running (the note waits until it ends). */
  running: boolean;
  onSelect(nodeIds: readonly string[]): void;
}

export function VariantNote({ batch, running, onSelect }: VariantNoteProps) {
  if (!batch || running) return null;
  const { placed, count, summary } = batch;
  const partial = placed.length < count;
  // Cache hits are free; blocked and failed calls are not billed.
  const cost = placed.reduce((sum, p) => sum + (p.record.usage.cached ? 0 : p.record.usage.costUsd), 0);
  return (
    <p class={`note batch${partial ? ' partial' : ''}`} role="status" data-partial={partial ? 'true' : undefined}>
      {summary}. <span class="muted cost">{formatCost(cost)}</span>.{' '}
      <button type="button" class="link" onClick={() => onSelect(placed.map((p) => p.nodeId))}>
        {placed.length === 1 ? 'Select it' : `Select all ${placed.length}`}
      </button>
    </p>
  );
}
