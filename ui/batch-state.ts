/**
 * The panel's state for a batch over a selection (docs/batch.md): whether the person chose to edit each selected
 * frame on its own, the confirm card, the running batch's progress, what the last batch left, and the half-price
 * submit's note. Part of `createAppState()` as `state.batch`; its derived values are in ui/batch-derive.ts.
 */
import { signal } from '@preact/signals';
import type { BatchOutcome } from '../core/batch-summary.js';
import type { NamedLayer } from '../core/selection-kind.js';

/** One call of a batch: a frame and which of its variants. */
export interface BatchUnit {
  frame: NamedLayer;
  /** 0-based; always 0 with one variant per frame. */
  variant: number;
}

/** The person's choice for one selection: each frame on its own (`each`), or the selection as one edit. */
export interface BatchChoice {
  /** The selection it was made for (its ids, joined): another selection starts from the default again. */
  key: string;
  each: boolean;
}

/** A batch run, while it runs and once it ended. */
export interface BatchRunView {
  /** The batch's id (ui/actions/batch-run.ts holds its requests for Retry). */
  id: string;
  units: BatchUnit[];
  outcomes: BatchOutcome[];
  /** Calls waiting out the proxy's `Retry-After` now. */
  waiting: number;
  /** The results placed, by unit index. */
  placed: ReadonlyMap<number, string>;
  running: boolean;
  /** The time its runs took in all (the first and each Retry), in ms. */
  elapsedMs: number;
  /** Cancelled part-way: what was placed stays; the note says so. */
  cancelled: boolean;
}

export function createBatchState() {
  return {
    choice: signal<BatchChoice | null>(null),
    /** The selection (its key) the confirm card is showing for, or null; nothing has been sent meanwhile. */
    confirming: signal<string | null>(null),
    /** The batch run now, or the last one, until the next. */
    run: signal<BatchRunView | null>(null),
    /** What the last half-price submit said ("Submitted: 40 frames at half price…"), or null. */
    submitted: signal<string | null>(null),
    /** A half-price submit is under way. */
    submitting: signal(false),
  };
}

export type BatchState = ReturnType<typeof createBatchState>;
