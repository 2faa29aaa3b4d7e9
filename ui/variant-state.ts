/**
 * The panel's state for variants and component sets (docs/architecture.md#variants-and-component-sets): how many
 * variants the next Generate asks for, how the running batch is doing, what the last batch placed, and the component
 * set made last. Part of `createAppState()` as `state.variants`.
 */
import { signal } from '@preact/signals';
import type { ComponentSetMade, PlacedResult } from '../core/messages.js';
import type { VariantOutcome } from '../core/variant-summary.js';

/** What a finished batch left on the canvas. */
export interface BatchResult {
  /** The variants placed, in the order they were asked for. */
  placed: PlacedResult[];
  /** How many were asked for. */
  count: number;
  /** "3 of 4 done; 1 was blocked by safety filters" (core/variant-summary.ts). */
  summary: string;
  /** The batch id its records carry, for Retry and Regenerate (ui/actions/retry-variants.ts). */
  batchId: string;
  /** How each variant ended, by request index: the failed ones are what Retry runs again. */
  outcomes: readonly VariantOutcome[];
  /** How many results Regenerate added to the row. */
  regenerated: number;
  /** What one call of the batch was estimated to cost, or null: the price of each Retry or Regenerate. */
  callEstimateUsd: number | null;
}

export function createVariantState() {
  /** How many variants the next Generate asks for; 1 is a single result. */
  const count = signal(1);
  /** How each variant of the running batch has ended so far (null while it runs), or null when none runs. */
  const progress = signal<VariantOutcome[] | null>(null);
  /** The last batch's results, until the next Generate. */
  const lastBatch = signal<BatchResult | null>(null);
  /** The component set made last. */
  const componentSet = signal<ComponentSetMade | null>(null);
  /** A "Make component set" is under way. */
  const making = signal(false);
  return { count, progress, lastBatch, componentSet, making };
}

export type VariantState = ReturnType<typeof createVariantState>;
