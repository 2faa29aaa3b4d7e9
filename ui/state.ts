/**
 * The panel's state: one `createAppState()` of signals, with derived values as one-line `computed`s over pure
 * functions in core/ (docs/contributing.md#app-state-as-signals). Actions that change it live apart, in ui/actions/.
 */
import { computed, effect, signal } from '@preact/signals';
import { brandContextOf } from '../core/brand-context.js';
import type { BrandSnapshot } from '../core/brand-snapshot.js';
import { editInputsOf } from '../core/edit-inputs.js';
import type { AppError } from '../core/errors.js';
import type { GenerateStage } from '../core/generate-stream.js';
import { buildHistoryGraph, chainOf, turnOfNode } from '../core/history-graph.js';
import { focusToRemember, historyViewOf, type RememberedFocus } from '../core/history-view.js';
import type { LiveTurn } from '../core/live-replay.js';
import type { HistorySnapshot, NodeSnapshot, PlacedResult } from '../core/messages.js';
import { VERTEX_INLINE_IMAGE_MAX_BYTES } from '../core/input-limits.js';
import type { ImageSize } from '../core/models.js';
import { planNextTurn } from '../core/next-turn.js';
import type { HealthResponse, PublicModel, UsageMeResponse } from '../core/proxy-schema.js';
import { planRequest } from '../core/request-plan.js';
import { selectionKindOf } from '../core/selection-kind.js';
import { interpretSelection, withRegionHost } from '../core/selection-roles.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { estimateTurnRangeUsd, estimateTurnUsd, runEstimateUsdOf } from '../core/turn-estimate.js';
import { deriveBatchMode, deriveBatchPlan } from './batch-derive.js';
import { createBatchState } from './batch-state.js';
import { createBatchJobsState } from './batch-jobs-state.js';
import { createExpandBoostState } from './expand-boost-state.js';
import { createMatteState } from './matte-state.js';
import { createCompareState } from './compare-state.js';
import { createPrecisionState } from './precision-state.js';
import { createVariantState } from './variant-state.js';
import { deriveToneOffer } from './tone-offer-state.js';

/** A running Generate: when it started, how to cancel it, what it is doing, and what it was estimated to cost. */
export interface RunState {
  startedAt: number;
  controller: AbortController;
  step: 'exporting' | 'generating' | 'placing';
  /** The estimate shown when it started (all its calls): what Gemini may bill if it is cancelled while generating. */
  estimateUsd?: number | null;
  /** A live answer's progress (docs/proxy-api.md#live-previews): shown while generating, never stored or placed. */
  live?: LivePreview;
}

/** How far a live answer has got, and its newest interim draft as a data URL (in memory only). */
export interface LivePreview {
  stage: GenerateStage;
  draft: { index: number; url: string } | null;
}

/** The selection thumbnail as the sandbox sent it. */
export interface Thumbnail {
  nodeId: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** What Generate will do with the current selection. */
export type Mode = 'generate' | 'edit' | 'multiple';

/** Which view the panel shows. */
export type View = 'main' | 'history' | 'settings';

/** Creates the panel's state with nothing loaded yet: its signals, and the values derived from them. */
export function createAppState() {
  const signals = createSignals();
  const selection = deriveSelection(signals);
  const history = deriveHistory(signals, selection);
  const next = deriveNextTurn(signals, selection, history);
  const batchPlan = deriveBatchPlan(signals, selection.model, selection.batchActive, history.graph, next.brandContext);
  return { ...signals, ...selection, ...history, ...next, ...batchPlan, ...deriveToneOffer(signals, selection) };
}

export type AppState = ReturnType<typeof createAppState>;

/** The panel's signals: what it was told and what the person chose. */
function createSignals() {
  return {
    selection: signal<NodeSnapshot[]>([]),
    selectionCount: signal(0),
    /** The frame or image layer under a shape selected alone, which the shape marks a region of, or null. */
    regionHost: signal<NodeSnapshot | null>(null),
    thumbnail: signal<Thumbnail | null>(null),
    settings: signal<Settings>({ ...DEFAULT_SETTINGS }),
    settingsLoaded: signal(false),
    models: signal<PublicModel[]>([]),
    modelsLoading: signal(false),
    /** The largest input image the proxy's backend takes (`GET /v1/models`); images over it are shrunk to fit. */
    inlineImageMaxBytes: signal(VERTEX_INLINE_IMAGE_MAX_BYTES),
    /** What answers behind the proxy, from its `/health` (null until read, or when it could not be read). */
    proxyMode: signal<HealthResponse['mode'] | null>(null),
    /** The designer's own usage and what is left (`GET /v1/usage/me`), for the footer; null until read. */
    usage: signal<UsageMeResponse | null>(null),
    modelId: signal<string | null>(null),
    /** One line about the model pick the panel made for the person (their model left the list), or null. */
    modelNote: signal<string | null>(null),
    aspectRatio: signal('1:1'),
    imageSize: signal<ImageSize | null>(null),
    prompt: signal(''),
    view: signal<View>('main'),
    run: signal<RunState | null>(null),
    error: signal<AppError | null>(null),
    lastResult: signal<PlacedResult | null>(null),
    /** The layer "Apply in place" is ticked for (ui/components/apply-in-place.tsx), or null: a new layer beside. */
    applyInPlaceFor: signal<string | null>(null),
    /** The turn records of the current page, as last read (null until the first read). */
    history: signal<HistorySnapshot | null>(null),
    /**
     * Whether `history` is as new as the page: false from the sandbox's change notice (or the panel's own placing of
     * a result) until a read that began after it has ended (ui/actions/refresh-history.ts).
     */
    historyCurrent: signal(false),
    /** Small PNGs of layers for the History view, as data URLs, by layer id. */
    thumbnails: signal<ReadonlyMap<string, string>>(new Map()),
    /** Bumped to move the keyboard focus to the prompt ("Continue from here"). */
    promptFocus: signal(0),
    /** Variants and component sets (ui/variant-state.ts). */
    variants: createVariantState(),
    /** Before / After and A / B in the panel (ui/compare-state.ts). */
    compare: createCompareState(),
    /** Base, references, pinned subject and Keep text editable (ui/precision-state.ts). */
    precision: createPrecisionState(),
    /** Expand and Boost resolution: what the designer chose in their section (ui/expand-boost-state.ts). */
    expandBoost: createExpandBoostState(),
    /** Remove background and Isolate object (ui/matte-state.ts). */
    matte: createMatteState(),
    /**
     * The turns made live in this panel session, with the model's own answers (core/live-replay.ts): in memory
     * only, gone when the panel closes, never written to the file (they hold image bytes). The next turn replays
     * them when it continues one of them on the same model.
     */
    liveTurns: signal<readonly LiveTurn[]>([]),
    /** The file's brand as last read (READ_BRAND: core/brand-snapshot.ts), or null before the first read. */
    brand: signal<BrandSnapshot | null>(null),
    /** A batch over a selection: each selected frame edited on its own (ui/batch-state.ts, docs/batch.md). */
    batch: createBatchState(),
    /** The half-price Batch API jobs of this file (ui/batch-jobs-state.ts). */
    batchJobs: createBatchJobsState(),
  };
}

type Signals = ReturnType<typeof createSignals>;

/** The model, the selection read as base, region and references, and the request plan for them. */
function deriveSelection(s: Signals) {
  const model = computed(() => s.models.value.find((m) => m.id === s.modelId.value) ?? null);
  /** The selection read as base, region shape and references (core/selection-roles.ts). */
  const selectionRoles = computed(() =>
    interpretSelection(withRegionHost(s.selection.value, s.regionHost.value), {
      baseId: s.precision.baseId.value,
      roles: s.precision.roles.value,
      regionHostId: s.regionHost.value?.id ?? null,
    }),
  );
  /** What kind of selection it is, so the panel offers only what works for it (core/selection-kind.ts). */
  const selectionKind = computed(() =>
    selectionKindOf(
      withRegionHost(s.selection.value, s.regionHost.value),
      s.selectionCount.value,
      selectionRoles.value,
    ),
  );
  /** Whether the selection can be a batch, and is one (ui/batch-derive.ts): then no single edit is planned. */
  const { batchEligible, batchActive } = deriveBatchMode(s);
  const mode = computed<Mode>(() => {
    if (batchActive.value) return 'multiple';
    const kind = selectionKind.value.kind;
    return kind === 'none' ? 'generate' : kind === 'edit' ? 'edit' : 'multiple';
  });
  const target = computed(() => (mode.value === 'edit' ? selectionRoles.value.base : null));
  /** What goes with the edit: region, references (with the pinned subject), Keep text editable. */
  const editInputs = computed(() =>
    editInputsOf(selectionRoles.value, s.precision.pinned.value, s.precision.keepText.value),
  );
  const targetThumbnail = computed(() => {
    const shown = s.thumbnail.value;
    return shown && shown.nodeId === target.value?.id ? shown : null;
  });
  const plan = computed(() => {
    const current = model.value;
    if (!current || mode.value === 'multiple') return null;
    return planRequest(
      current,
      target.value,
      { aspectRatio: s.aspectRatio.value, imageSize: s.imageSize.value },
      target.value ? editInputs.value : undefined,
    );
  });
  const canGenerate = computed(
    () => s.run.value === null && s.prompt.value.trim() !== '' && plan.value !== null && plan.value.ok,
  );
  return {
    ...{ model, selectionRoles, selectionKind, mode, target, editInputs, targetThumbnail, plan, canGenerate },
    ...{ batchEligible, batchActive },
  };
}

type Selection = ReturnType<typeof deriveSelection>;

/** The page's history graph, the selected layer's turn and chain, and the History view. */
function deriveHistory(s: Signals, { target }: Selection) {
  const graph = computed(() => buildHistoryGraph(s.history.value?.entries ?? []));
  /** The turn the selected layer carries (also when it is a duplicate of a result), or null. */
  const targetTurn = computed(() => (target.value ? turnOfNode(graph.value, target.value.id) : null));
  /** Why the selected layer's record could not be read, when it could not. */
  const targetDamage = computed(() => (target.value ? (graph.value.damaged.get(target.value.id) ?? null) : null));
  /** The turns the selected result went through, oldest first (what the next prompt's summary lists). */
  const targetChain = computed(() => (targetTurn.value ? chainOf(graph.value, targetTurn.value.id) : null));
  /** What the History view showed last while a layer was selected (see core/history-view.ts). */
  const rememberedFocus = signal<RememberedFocus | null>(null);
  /** The History view's rows: the selected result's conversation, or what was made from the selected layer. */
  const historyView = computed(() =>
    historyViewOf({
      graph: graph.value,
      sources: s.history.value?.sources ?? [],
      layer: target.value,
      turn: targetTurn.value,
      remembered: target.value ? null : rememberedFocus.value,
    }),
  );
  // Remember what a selection showed, so the view keeps it after ⌘Z takes the selected result away.
  effect(() => {
    if (historyView.value && target.value) rememberedFocus.value = focusToRemember(target.value, targetTurn.value);
  });
  return { graph, targetTurn, targetDamage, targetChain, historyView };
}

/** The next press's turn plan (core/turn-plan.ts), and what it would replay and cost. */
function deriveNextTurn(s: Signals, { model, plan }: Selection, { targetChain }: ReturnType<typeof deriveHistory>) {
  /** The Brand toggle, kept in the settings (off when absent). */
  const brandOn = computed(() => s.settings.value.brand === true);
  /** What the Brand toggle adds to the next turn (core/brand-context.ts): null while off or with nothing to send. */
  const brandContext = computed(() => (brandOn.value && s.brand.value ? brandContextOf(s.brand.value) : null));
  /** The next single Generate's plan, as the state knows its inputs now. */
  const turnPlan = computed(() =>
    planNextTurn({
      model: model.value,
      shape: plan.value,
      instruction: s.prompt.value,
      chain: targetChain.value,
      session: s.liveTurns.value,
      variantCount: s.variants.count.value,
      brand: brandContext.value,
    }),
  );
  /** The live turns the next Generate would replay, or null when it would go stateless. */
  const replayPath = computed(() => turnPlan.value?.replay?.path ?? null);
  /** Estimated US dollars for one call of the next Generate, from its plan (core/turn-estimate.ts). */
  const estimateUsd = computed(() => estimateTurnUsd(turnPlan.value));
  const estimateRangeUsd = computed(() => estimateTurnRangeUsd(turnPlan.value));
  /** What the next press costs in all: N variants are N calls, each billed. */
  const runEstimateUsd = computed(() => runEstimateUsdOf(estimateUsd.value, s.variants.count.value));
  return { turnPlan, replayPath, estimateUsd, estimateRangeUsd, runEstimateUsd, brandOn, brandContext };
}
