/**
 * The values a batch over a selection derives from the panel's state (docs/batch.md), as `computed`s over pure
 * functions in core/batch-plan.ts: whether the selection can be a batch, whether it is one (the person's choice,
 * else the default), and the batch's plan and estimate. Spread into `createAppState()` (ui/state.ts).
 */
import { computed, type ReadonlySignal, type Signal } from '@preact/signals';
import { batchEligibility, MAX_ONE_EDIT_LAYERS, planBatch } from '../core/batch-plan.js';
import type { BrandContext } from '../core/brand-context.js';
import type { PinnedSubject } from '../core/edit-inputs.js';
import { chainOf, turnOfNode, type HistoryGraph } from '../core/history-graph.js';
import type { NodeSnapshot } from '../core/messages.js';
import type { ImageSize } from '../core/models.js';
import type { PublicModel } from '../core/proxy-schema.js';
import type { TurnRecord } from '../core/turn-record.js';
import type { BatchState } from './batch-state.js';

/** The ids of a selection, as the key a choice is kept under. */
export function selectionKeyOf(selection: readonly NodeSnapshot[]): string {
  return selection.map((node) => node.id).join(',');
}

/** What {@link deriveBatchMode} reads. */
interface ModeSignals {
  selection: Signal<NodeSnapshot[]>;
  selectionCount: Signal<number>;
  batch: BatchState;
}

/**
 * Whether the selection can be a batch and whether it is one. The default, until the person chooses: each frame on
 * its own when there are more than any one edit could take (`MAX_ONE_EDIT_LAYERS`), else one edit as before (with a
 * model that takes fewer images, that edit says so and the card offers the batch).
 */
export function deriveBatchMode(s: ModeSignals) {
  const batchEligible = computed(() => batchEligibility(s.selection.value, s.selectionCount.value));
  const batchActive = computed(() => {
    if (!batchEligible.value.ok) return false;
    const choice = s.batch.choice.value;
    if (choice && choice.key === selectionKeyOf(s.selection.value)) return choice.each;
    return s.selectionCount.value > MAX_ONE_EDIT_LAYERS;
  });
  return { batchEligible, batchActive };
}

/** What {@link deriveBatchPlan} reads. */
interface PlanSignals extends ModeSignals {
  prompt: Signal<string>;
  aspectRatio: Signal<string>;
  imageSize: Signal<ImageSize | null>;
  precision: { keepText: Signal<boolean | null>; pinned: Signal<PinnedSubject | null> };
  variants: { count: Signal<number> };
}

/** The batch's plan and estimate (core/batch-plan.ts), or null when the selection is not a batch. */
export function deriveBatchPlan(
  s: PlanSignals,
  model: ReadonlySignal<PublicModel | null>,
  batchActive: ReadonlySignal<boolean>,
  graph: ReadonlySignal<HistoryGraph>,
  brand: ReadonlySignal<BrandContext | null>,
) {
  const batchPlan = computed(() => {
    const current = model.value;
    if (!batchActive.value || !current) return null;
    const frames = s.selection.value;
    return planBatch({
      model: current,
      instruction: s.prompt.value,
      frames,
      choice: { aspectRatio: s.aspectRatio.value, imageSize: s.imageSize.value },
      variants: s.variants.count.value,
      keepTextChoice: s.precision.keepText.value,
      pinned: s.precision.pinned.value,
      brand: brand.value,
      chains: chainsOf(graph.value, frames),
    });
  });
  return { batchPlan };
}

/** Each frame's chain of turns, oldest first, for the frames that are results. */
function chainsOf(graph: HistoryGraph, frames: readonly NodeSnapshot[]): Map<string, TurnRecord[]> {
  const chains = new Map<string, TurnRecord[]>();
  for (const frame of frames) {
    const turn = turnOfNode(graph, frame.id);
    if (turn)
      chains.set(
        frame.id,
        chainOf(graph, turn.id).turns.map((t) => t.record),
      );
  }
  return chains;
}
