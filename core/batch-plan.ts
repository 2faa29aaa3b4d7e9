/**
 * A batch over a selection (docs/batch.md): many frames or images selected, one instruction, each frame edited on
 * its own exactly as a single edit of it alone would be (its own export, its own text as context, live text kept).
 * Which selections can be a batch, each frame's request plan and turn plan, and what the whole batch is estimated
 * to cost at the standard rate and at the Batch API's rate. Pure: the panel derives it from its state
 * (ui/batch-derive.ts) and the runners (ui/actions/batch-run.ts, ui/actions/batch-submit.ts) plan each frame's turn
 * from the same shape.
 */
import type { BrandContext } from './brand-context.js';
import { editInputsOf, type PinnedSubject } from './edit-inputs.js';
import type { NodeSnapshot } from './messages.js';
import type { PublicModel } from './proxy-schema.js';
import { planRequest, type RequestPlan, type ShapeChoice } from './request-plan.js';
import { interpretSelection, isShapeLayer } from './selection-roles.js';
import { estimateTurnUsd } from './turn-estimate.js';
import { planTurn, type TurnPlan } from './turn-plan.js';
import type { TurnRecord } from './turn-record.js';

/** Fewest layers a batch edits: one layer is a single edit. */
export const MIN_BATCH_FRAMES = 2;
/** Most layers one batch edits: the proxy's Batch API job takes 200 requests (core/batch-schema.ts). */
export const MAX_BATCH_FRAMES = 200;

/**
 * Most images one edit sends (`images` in core/proxy-schema.ts): a selection of more layers than this cannot be one
 * edit with references, so it is a batch unless the person chooses otherwise (ui/batch-derive.ts).
 */
export const MAX_ONE_EDIT_LAYERS = 14;

/** Layer types a batch edits as a picture: frames and what holds layers, and any layer with an image fill. */
const BATCH_TYPES: readonly string[] = ['FRAME', 'COMPONENT', 'INSTANCE', 'GROUP'];

/** Whether the selection can be a batch, and if not, why, in a line the panel can show. */
export type BatchEligibility = { ok: true; frames: NodeSnapshot[] } | { ok: false; reason: string };

/**
 * Whether `layers` (the snapshots the sandbox sent of `count` selected layers) can be edited each on its own: 2 to
 * 200 frames or images, every one of them known to the panel, none a bare shape or text (a shape over a frame
 * marks a region, which a batch does not do).
 */
export function batchEligibility(layers: readonly NodeSnapshot[], count: number): BatchEligibility {
  if (count < MIN_BATCH_FRAMES) return { ok: false, reason: 'Select two or more frames to edit each of them.' };
  if (count > MAX_BATCH_FRAMES) {
    return { ok: false, reason: `A batch edits at most ${MAX_BATCH_FRAMES} layers; ${count} are selected.` };
  }
  if (count > layers.length) {
    return {
      ok: false,
      reason: `The panel is told about the first ${layers.length} of the ${count} selected layers. Select at most ${layers.length} to edit each of them.`,
    };
  }
  const odd = layers.find((layer) => !isBatchLayer(layer));
  if (odd) {
    return {
      ok: false,
      reason: `“${odd.name}” is not a frame or an image, so the selection cannot be edited frame by frame.`,
    };
  }
  return { ok: true, frames: [...layers] };
}

function isBatchLayer(layer: NodeSnapshot): boolean {
  if (layer.type === 'TEXT' || layer.type === 'COMPONENT_SET') return false;
  if (isShapeLayer(layer)) return false;
  return BATCH_TYPES.includes(layer.type) || layer.hasImageFill;
}

/** What every frame of the batch is planned with: the panel's inputs, the same for all. */
export interface BatchInput {
  model: PublicModel;
  instruction: string;
  frames: readonly NodeSnapshot[];
  /** Ratio and size as the pickers hold them (an edit takes both from its frame). */
  choice: ShapeChoice;
  /** Results per frame (1 to 8). */
  variants: number;
  /** Keep text editable as the person chose it (null: on for frames with text). */
  keepTextChoice: boolean | null;
  pinned: PinnedSubject | null;
  brand: BrandContext | null;
  /** Each frame's chain of turns, oldest first, by layer id (a result continues its own conversation). */
  chains?: ReadonlyMap<string, readonly TurnRecord[]>;
}

/** One frame of the batch, planned. */
export interface BatchFrame {
  frame: NodeSnapshot;
  shape: RequestPlan;
  plan: TurnPlan;
  /** One call of its turn, or null when its size has no price. */
  callUsd: number | null;
}

/** The batch, planned: the frames that go, the ones refused and why, and the estimate. */
export interface BatchPlan {
  frames: BatchFrame[];
  refused: { frame: NodeSnapshot; reason: string }[];
  variants: number;
  /** Calls in all: frames × variants. */
  calls: number;
  /** All calls at the standard rate, or null when some call has no price. */
  standardUsd: number | null;
  /** All calls at the model's Batch API rate, or null without a rate (a proxy that offers no batches). */
  batchUsd: number | null;
}

/** The request plan of one frame edited alone: what a single edit of it would plan. */
export function frameShapeOf(input: Omit<BatchInput, 'frames'>, frame: NodeSnapshot) {
  const roles = interpretSelection([frame]);
  return planRequest(input.model, frame, input.choice, editInputsOf(roles, input.pinned, input.keepTextChoice));
}

/** Plans every frame as a stateless edit of it alone, and prices the batch. */
export function planBatch(input: BatchInput): BatchPlan {
  const frames: BatchFrame[] = [];
  const refused: BatchPlan['refused'] = [];
  for (const frame of input.frames) {
    const shape = frameShapeOf(input, frame);
    if (!shape.ok) {
      refused.push({ frame, reason: shape.error.message });
      continue;
    }
    const plan = planTurn({
      model: input.model,
      instruction: input.instruction,
      shape: shape.value,
      chain: input.chains?.get(frame.id) ?? [],
      live: null,
      brand: input.brand,
    });
    if (plan.kind !== 'edit') {
      refused.push({ frame, reason: `“${frame.name}” would be a regional edit, which a batch does not make.` });
      continue;
    }
    frames.push({ frame, shape: shape.value, plan, callUsd: estimateTurnUsd(plan) });
  }
  const variants = Math.max(1, Math.floor(input.variants));
  const calls = frames.length * variants;
  const standardUsd = frames.some((f) => f.callUsd === null)
    ? null
    : frames.reduce((sum, f) => sum + (f.callUsd ?? 0), 0) * variants;
  const rate = input.model.batchRate;
  const batchUsd = standardUsd === null || rate === undefined ? null : standardUsd * rate;
  return { frames, refused, variants, calls, standardUsd, batchUsd };
}
