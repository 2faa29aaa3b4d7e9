/**
 * What the last batch of variants left on the canvas: the tally ("3 of 4 done; 1 was blocked by safety filters"),
 * what it cost, and a button to select them again (the way to a component set).
 */
import { formatCost } from '../format.js';
import type { PanelProps } from './props.js';

export function VariantNote({ state, actions }: PanelProps) {
  const result = state.variants.lastBatch.value;
  if (!result || state.run.value) return null;
  const { placed, count, summary } = result;
  const partial = placed.length < count;
  // Cache hits are free; blocked and failed calls are not billed.
  const cost = placed.reduce((sum, p) => sum + (p.record.usage.cached ? 0 : p.record.usage.costUsd), 0);
  return (
    <p class={`note batch${partial ? ' partial' : ''}`} role="status" data-partial={partial ? 'true' : undefined}>
      {summary}. <span class="muted cost">{formatCost(cost)}</span>.{' '}
      <button type="button" class="link" onClick={() => void actions.selectNodesAsync(placed.map((p) => p.nodeId))}>
        {placed.length === 1 ? 'Select it' : `Select all ${placed.length}`}
      </button>
    </p>
  );
}
