/**
 * The plan of one Generate, as plain data, before anything is exported: what kind of turn it is (text-to-image, an
 * edit of the selected layer, or a regional edit through a shape drawn over it), which images go with it and with
 * what roles, in send order, whether the session's live turns are replayed as `history` (docs/live-replay.md), and
 * the ratio and size asked for. The request (core/turn-request.ts) and the cost estimate (core/turn-estimate.ts)
 * are both derived from this one plan, so the estimate prices exactly what the request carries.
 *
 * A regional edit's crop is measured on the shape's mask, which only exists after the sandbox exports it: the plan
 * predicts it from the layers' boxes (core/region-turn.ts), and the regional runner replaces the prediction with the
 * measured crop ({@link withMeasuredCrop}) before the request is built.
 */
import type { BrandContext } from './brand-context.js';
import { textParagraphOf, type PlannedReference } from './edit-inputs.js';
import { carriedReferences } from './carried-references.js';
import type { ImageRole } from './image-sizes.js';
import type { TurnTool } from './image-tool.js';
import { replayDecision, type LiveTurn, type ReplayRequest } from './live-replay.js';
import type { ImageSize } from './models.js';
import type { PublicModel } from './proxy-schema.js';
import type { RegionCropPlan } from './region-crop.js';
import { predictRegionCrop } from './region-turn.js';
import type { RequestPlan } from './request-plan.js';
import type { TurnRecord } from './turn-record.js';

/** What a turn does with the selection. */
export type TurnKind = 'text-to-image' | 'edit' | 'regional-edit';

/**
 * Where an image the turn sends comes from: `reference` (selected now, or the pinned subject: a failed export ends
 * the turn), `carried` (a reference an earlier turn of the chain used: left out when it has gone), `base` (the
 * frame, exported at the plan's base scale), and for a regional edit `scene` (the whole frame, small) and `crop`
 * (the part around the shape, the image to edit).
 */
export type ImageSource = 'reference' | 'carried' | 'base' | 'scene' | 'crop';

/** One image the turn sends. */
export interface PlannedImage {
  nodeId: string;
  role: ImageRole;
  source: ImageSource;
  /** The layer's name, for a message when its export fails ('' where none is needed). */
  name: string;
  /** The pinned subject (its failure says "unpin it"). */
  pinned: boolean;
}

/** What the planner reads: the panel's inputs for one press. */
export interface TurnPlanInput {
  model: PublicModel;
  /** What the person typed (trimmed here). */
  instruction: string;
  /** Ratio, size, export scales, target and edit inputs (core/request-plan.ts). */
  shape: RequestPlan;
  /** The turns the target layer went through, oldest first; empty when it carries none. */
  chain: readonly TurnRecord[];
  /**
   * A single Generate is live: the session's live turns, and whether replaying them is allowed (`false` for the
   * stateless retry after a refused replay). Null for variants, which are always stateless.
   */
  live: { session: readonly LiveTurn[]; replay: boolean } | null;
  /** The image tool the press is (core/image-tool.ts): Erase words a regional edit as a removal. */
  tool?: TurnTool;
  /** The file's brand when the Brand toggle is on (core/brand-context.ts), else null or absent. */
  brand?: BrandContext | null;
}

/** One turn, planned. */
export interface TurnPlan {
  kind: TurnKind;
  model: PublicModel;
  /** The person's words, trimmed: what the turn record keeps as its prompt. */
  instruction: string;
  shape: RequestPlan;
  /** The ratio and size asked for (a regional edit's come from its crop). */
  aspectRatio: string;
  imageSize: ImageSize;
  /** The images to export and send, in send order (a stateless edit drops the oldest over the model's limit). */
  images: PlannedImage[];
  /** Earlier prompts of the chain, oldest first, that a stateless edit summarises. */
  earlier: string[];
  /** The paragraph about the frame's text (core/text-context-instruction.ts), or ''. */
  text: string;
  /** The live turns sent again as `history`, oldest first, and what was asked of the rule; null when stateless. */
  replay: { path: LiveTurn[]; ask: ReplayRequest } | null;
  /** Why an edit goes stateless rather than replayed (the replay rule's reason), or null. */
  statelessReason: string | null;
  /** Ask for the model's own answer (`returnModelTurn`) to keep for the next turn. */
  live: boolean;
  /** A regional edit's crop: predicted from the boxes, then measured on the mask. Null for other kinds. */
  region: RegionCropPlan | null;
  /** What the plan was made from (to plan the same turn again stateless). */
  input: TurnPlanInput;
  /** The brand guidance this turn sends, and the logo layer it sends with an edit (docs/brand.md); null when off. */
  brand: { guidance: string; logoNodeId: string | null } | null;
}

/** The kind of turn a press makes: decided by the selection alone, before the history is read or anything exported. */
export function turnKindOf(shape: RequestPlan): TurnKind {
  if (!shape.target) return 'text-to-image';
  return shape.inputs.region ? 'regional-edit' : 'edit';
}

/** Plans one turn from the panel's inputs (see the module comment). */
export function planTurn(input: TurnPlanInput): TurnPlan {
  const { model, shape } = input;
  const kind = turnKindOf(shape);
  const signed = model.thoughtSignatures === true;
  const plan: TurnPlan = {
    kind,
    model,
    instruction: input.instruction.trim(),
    shape,
    aspectRatio: shape.aspectRatio,
    imageSize: shape.imageSize,
    images: [],
    earlier: [],
    text: '',
    replay: null,
    statelessReason: null,
    // Only models that sign their turns need (and get) replay; regional edits always stay stateless.
    live: input.live !== null && signed && kind !== 'regional-edit',
    region: null,
    input,
    brand: brandOf(input, kind),
  };
  if (kind === 'text-to-image') return plan;
  const references = [...shape.inputs.references.map(referenceImage), ...brandLogo(input, plan.brand)];
  if (kind === 'regional-edit') {
    const crop = predictRegionCrop(model, shape);
    return withMeasuredCrop({ ...plan, images: references }, crop);
  }
  const text = textParagraphOf(shape.target, shape.inputs.keepText);
  const replay = input.live?.replay ? replayOf(input, signed) : { stateless: 'not a live turn' };
  if ('path' in replay) return { ...plan, text, images: references, replay };
  return { ...plan, text, statelessReason: replay.stateless, ...statelessImages(input) };
}

/** The same turn planned once more, never replayed: what is sent after Gemini or the proxy refused the replay. */
export function statelessPlanOf(plan: TurnPlan): TurnPlan {
  const { live } = plan.input;
  return planTurn({ ...plan.input, live: live ? { ...live, replay: false } : null });
}

/** A regional edit's plan with its crop (the predicted one, or the one measured on the exported mask). */
export function withMeasuredCrop(plan: TurnPlan, crop: RegionCropPlan): TurnPlan {
  const target = plan.shape.target!;
  const references = plan.images.filter((image) => image.source === 'reference');
  return {
    ...plan,
    aspectRatio: crop.aspectRatio,
    imageSize: crop.imageSize,
    region: crop,
    images: regionImages(references, target, crop),
  };
}

/** A regional edit's images, in send order: the references, the scene when the crop needs it, the crop last. */
function regionImages(
  references: readonly PlannedImage[],
  target: PlannedImageLayer,
  crop: RegionCropPlan,
): PlannedImage[] {
  const of = (role: ImageRole, source: ImageSource): PlannedImage => ({
    nodeId: target.id,
    role,
    source,
    name: target.name,
    pinned: false,
  });
  return [...references, ...(crop.scene ? [of('scene', 'scene')] : []), of('base', 'crop')];
}

interface PlannedImageLayer {
  id: string;
  name: string;
}

function referenceImage(reference: PlannedReference): PlannedImage {
  return {
    nodeId: reference.nodeId,
    role: reference.role,
    source: 'reference',
    name: reference.name,
    pinned: reference.pinned,
  };
}

/**
 * A stateless edit's images, in send order: the references the chain used (carried, oldest first: dropped first over
 * the model's limit), the references selected now with the pinned subject, then the base, last.
 */
function statelessImages(input: TurnPlanInput): Pick<TurnPlan, 'images' | 'earlier'> {
  const target = input.shape.target!;
  const selected = input.shape.inputs.references;
  const exclude = new Set([target.id, ...selected.map((r) => r.nodeId)]);
  const carried = carriedReferences(input.chain, exclude).map((reference): PlannedImage => ({
    ...reference,
    source: 'carried',
    name: '',
    pinned: false,
  }));
  const base: PlannedImage = { nodeId: target.id, role: 'base', source: 'base', name: target.name, pinned: false };
  return {
    images: [...carried, ...selected.map(referenceImage), ...brandLogo(input, brandOf(input, 'edit')), base],
    earlier: input.chain.map((record) => record.prompt),
  };
}

/**
 * The live turns to replay, or why this turn goes stateless (core/live-replay.ts `replayDecision` has the rule): the
 * target's turn made live in this session on this model, and the target still showing exactly the model's image
 * (its fill hash is the record's `resultHash`, and any text on it is kept out of the image, as the model never drew
 * it). Whether the whole call stays small enough is checked again once the references are exported.
 */
function replayOf(
  input: TurnPlanInput,
  signed: boolean,
): { path: LiveTurn[]; ask: ReplayRequest } | { stateless: string } {
  const { model, shape, chain } = input;
  const base = chain.at(-1);
  const logo = input.brand?.logo && shape.target && input.brand.logo.nodeId !== shape.target.id ? 1 : 0;
  const target = shape.target!;
  if (!signed) return { stateless: `${model.label} does not sign its turns` };
  if (!base) return { stateless: 'the layer carries no turn' };
  const ask: ReplayRequest = {
    baseTurnId: base.id,
    model: model.id,
    signaturesRequired: true,
    baseUnchanged:
      Boolean(base.resultHash) && target.imageHash === base.resultHash && (!target.hasText || shape.inputs.keepText),
    maxInputImages: model.maxInputImages,
    newImages: shape.inputs.references.length + logo,
  };
  const decision = replayDecision(input.live?.session ?? [], ask);
  return decision.ok ? { path: decision.path, ask } : { stateless: decision.reason };
}

/** The brand this turn sends: its guidance, and its logo for an edit (text-to-image sends words only). */
function brandOf(input: TurnPlanInput, kind: TurnKind): TurnPlan['brand'] {
  const brand = input.brand;
  if (!brand) return null;
  const target = input.shape.target;
  const logo = kind !== 'text-to-image' && brand.logo && brand.logo.nodeId !== target?.id ? brand.logo.nodeId : null;
  return { guidance: brand.guidance, logoNodeId: logo };
}

/** The brand logo as a product reference, unless it is already selected as one (then it goes once). */
function brandLogo(input: TurnPlanInput, brand: TurnPlan['brand']): PlannedImage[] {
  const logo = input.brand?.logo;
  if (!brand?.logoNodeId || !logo || input.shape.inputs.references.some((r) => r.nodeId === logo.nodeId)) return [];
  return [{ nodeId: logo.nodeId, role: 'product', source: 'reference', name: logo.name, pinned: false }];
}
