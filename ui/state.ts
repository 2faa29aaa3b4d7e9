/**
 * The panel's state: one `createAppState()` of signals, with derived values as `computed` (STYLE.md:
 * preactjs/signals). Actions that change it live apart, in ui/actions/.
 */
import { computed, signal } from '@preact/signals';
import { carriedReferences, contextPrompt } from '../core/conversation-context.js';
import { estimateCostUsd } from '../core/cost-estimate.js';
import type { AppError } from '../core/errors.js';
import { buildHistoryGraph, chainOf, historyRows, turnOfNode, type HistoryFocus } from '../core/history-graph.js';
import { replayDecision, replayHistory, type LiveTurn } from '../core/live-replay.js';
import type { HistorySnapshot, NodeSnapshot, PlacedResult } from '../core/messages.js';
import { VERTEX_INLINE_IMAGE_MAX_BYTES } from '../core/input-limits.js';
import type { ImageSize } from '../core/models.js';
import type { HealthResponse, PublicModel } from '../core/proxy-schema.js';
import { interpretSelection } from '../core/selection-roles.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { editPromptOverhead } from '../core/edit-prompt.js';
import { editInputsOf, textParagraphOf } from './edit-inputs.js';
import { createPrecisionState } from './precision-state.js';
import { planRequest } from './request-plan.js';
import { createVariantState } from './variant-state.js';

/** A running Generate: when it started, how to cancel it, what it is doing, and what it was estimated to cost. */
export interface RunState {
  startedAt: number;
  controller: AbortController;
  step: 'exporting' | 'generating' | 'placing';
  /** The estimate shown when it started (all its calls): what Gemini may bill if it is cancelled while generating. */
  estimateUsd?: number | null;
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

/** Creates the panel's state with nothing loaded yet. */
export function createAppState() {
  const selection = signal<NodeSnapshot[]>([]);
  const selectionCount = signal(0);
  const thumbnail = signal<Thumbnail | null>(null);
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const settingsLoaded = signal(false);
  const models = signal<PublicModel[]>([]);
  const modelsLoading = signal(false);
  /** The largest input image the proxy's backend takes (`GET /v1/models`); images over it are shrunk to fit. */
  const inlineImageMaxBytes = signal(VERTEX_INLINE_IMAGE_MAX_BYTES);
  /** What answers behind the proxy, from its `/health` (null until read, or when it could not be read). */
  const proxyMode = signal<HealthResponse['mode'] | null>(null);
  const modelId = signal<string | null>(null);
  /** One line about the model pick the panel made for the person (their model left the list), or null. */
  const modelNote = signal<string | null>(null);
  const aspectRatio = signal('1:1');
  const imageSize = signal<ImageSize | null>(null);
  const prompt = signal('');
  const view = signal<View>('main');
  const run = signal<RunState | null>(null);
  const error = signal<AppError | null>(null);
  const lastResult = signal<PlacedResult | null>(null);
  /** The turn records of the current page, as last read (null until the first read). */
  const history = signal<HistorySnapshot | null>(null);
  /** Small PNGs of layers for the History view, as data URLs, by layer id. */
  const thumbnails = signal<ReadonlyMap<string, string>>(new Map());
  /** Bumped to move the keyboard focus to the prompt ("Continue from here"). */
  const promptFocus = signal(0);
  /** Variants and component sets (ui/variant-state.ts). */
  const variants = createVariantState();
  /** Base, references, pinned subject and Keep text editable (ui/precision-state.ts). */
  const precision = createPrecisionState();
  /**
   * The turns made live in this panel session, with the model's own answers (core/live-replay.ts): in memory
   * only, gone when the panel closes, never written to the file (they hold image bytes). The next turn replays
   * them when it continues one of them on the same model.
   */
  const liveTurns = signal<readonly LiveTurn[]>([]);

  const model = computed(() => models.value.find((m) => m.id === modelId.value) ?? null);
  /** The selection read as base, region shape and references (core/selection-roles.ts). */
  const selectionRoles = computed(() =>
    interpretSelection(selection.value, { baseId: precision.baseId.value, roles: precision.roles.value }),
  );
  const mode = computed<Mode>(() =>
    selectionCount.value === 0
      ? 'generate'
      : selectionRoles.value.base && selectionCount.value <= selection.value.length
        ? 'edit'
        : 'multiple',
  );
  const target = computed(() => (mode.value === 'edit' ? selectionRoles.value.base : null));
  /** What goes with the edit: region, references (with the pinned subject), Keep text editable. */
  const editInputs = computed(() =>
    editInputsOf(selectionRoles.value, precision.pinned.value, precision.keepText.value),
  );
  const targetThumbnail = computed(() => {
    const shown = thumbnail.value;
    return shown && shown.nodeId === target.value?.id ? shown : null;
  });
  const plan = computed(() => {
    const current = model.value;
    if (!current || mode.value === 'multiple') return null;
    return planRequest(
      current,
      target.value,
      { aspectRatio: aspectRatio.value, imageSize: imageSize.value },
      target.value ? editInputs.value : undefined,
    );
  });
  const canGenerate = computed(
    () => run.value === null && prompt.value.trim() !== '' && plan.value !== null && plan.value.ok,
  );

  const graph = computed(() => buildHistoryGraph(history.value?.entries ?? []));
  /** The turn the selected layer carries (also when it is a duplicate of a result), or null. */
  const targetTurn = computed(() => (target.value ? turnOfNode(graph.value, target.value.id) : null));
  /** Why the selected layer's record could not be read, when it could not. */
  const targetDamage = computed(() => (target.value ? (graph.value.damaged.get(target.value.id) ?? null) : null));
  /** The turns the selected result went through, oldest first (what the next prompt's summary lists). */
  const targetChain = computed(() => (targetTurn.value ? chainOf(graph.value, targetTurn.value.id) : null));
  /**
   * The History view's rows: the selected result's conversation, or what was made from the selected layer. With
   * nothing selected (after ⌘Z took the selected result away, say) it keeps showing the history it showed last,
   * from the undone turn's parent, with no row marked current.
   */
  let lastFocus: { turnId: string; parentId: string | null } | { sourceNodeId: string } | null = null;
  const historyView = computed(() => {
    const layer = target.value;
    const turn = targetTurn.value;
    const turns = graph.value.turns;
    let focus: HistoryFocus | null = null;
    if (layer) focus = turn ? { turnId: turn.id } : { sourceNodeId: layer.id };
    else if (lastFocus && 'sourceNodeId' in lastFocus) focus = lastFocus;
    else if (lastFocus && turns.has(lastFocus.turnId)) focus = { turnId: lastFocus.turnId };
    else if (lastFocus?.parentId && turns.has(lastFocus.parentId)) focus = { turnId: lastFocus.parentId };
    if (!focus) return null;
    const view = historyRows(graph.value, focus);
    if (view.rows.length === 0) return null;
    if (layer) lastFocus = turn ? { turnId: turn.id, parentId: turn.record.parentId } : { sourceNodeId: layer.id };
    const rows = layer ? view.rows : view.rows.map((row) => ({ ...row, current: false }));
    const sourceName =
      view.sourceNodeId === null
        ? null
        : (history.value?.sources.find((s) => s.nodeId === view.sourceNodeId)?.name ?? null);
    return { ...view, rows, sourceName, sourceIsTarget: layer !== null && view.sourceNodeId === layer.id };
  });
  /**
   * The live turns a single Generate would replay (ui/actions/edit-context.ts `replayContextAsync` decides for
   * real, with the exported references' sizes), or null when it would go stateless.
   */
  const replayPath = computed(() => {
    const current = model.value;
    const shape = plan.value;
    const layer = target.value;
    const turn = targetTurn.value;
    if (!current?.thoughtSignatures || !shape?.ok || !layer || !turn || variants.count.value > 1) return null;
    if (shape.value.inputs.region) return null; // regional edits stay stateless
    const decision = replayDecision(liveTurns.value, {
      baseTurnId: turn.id,
      model: current.id,
      signaturesRequired: true,
      baseUnchanged:
        Boolean(turn.record.resultHash) &&
        layer.imageHash === turn.record.resultHash &&
        (!layer.hasText || shape.value.inputs.keepText),
      maxInputImages: current.maxInputImages,
      newImages: shape.value.inputs.references.length,
    });
    return decision.ok ? decision.path : null;
  });
  /** Estimated US dollars for the next Generate, with the context it would send (core/cost-estimate.ts). */
  const estimateUsd = computed(() => {
    const current = model.value;
    const shape = plan.value;
    if (!current || !shape?.ok) return null;
    const path = replayPath.value;
    if (path) {
      // A replay sends every earlier image and answer again, and the new references and words.
      let images = shape.value.inputs.references.length;
      let chars = prompt.value.length;
      for (const content of replayHistory(path)) {
        for (const part of content.parts) {
          if (part.thought) continue;
          if (part.inlineData) images++;
          chars += part.text?.length ?? 0;
        }
      }
      return estimateCostUsd(current, shape.value.imageSize, images, chars);
    }
    const chain = targetChain.value?.turns.map((t) => t.record) ?? [];
    const { target: base, inputs } = shape.value;
    const exclude = new Set([base?.id ?? '', ...inputs.references.map((r) => r.nodeId)]);
    const images = base
      ? Math.min(current.maxInputImages, 1 + inputs.references.length + carriedReferences(chain, exclude).length)
      : 0;
    const text = contextPrompt(prompt.value || ' ', base ? chain.map((r) => r.prompt) : []).prompt;
    const roles = Array.from({ length: images }, () => 'style' as const);
    const extra = base ? editPromptOverhead(roles, textParagraphOf(base, inputs.keepText)) : 0;
    return estimateCostUsd(current, shape.value.imageSize, images, text.length + extra);
  });

  /** What the next press costs in all: N variants are N calls, each billed. */
  const runEstimateUsd = computed(() => {
    const single = estimateUsd.value;
    return single === null ? null : single * Math.max(1, variants.count.value);
  });

  return {
    selection,
    selectionCount,
    thumbnail,
    settings,
    settingsLoaded,
    models,
    modelsLoading,
    inlineImageMaxBytes,
    proxyMode,
    modelId,
    modelNote,
    aspectRatio,
    imageSize,
    prompt,
    view,
    run,
    error,
    lastResult,
    history,
    thumbnails,
    promptFocus,
    variants,
    precision,
    liveTurns,
    model,
    selectionRoles,
    mode,
    target,
    editInputs,
    targetThumbnail,
    plan,
    canGenerate,
    graph,
    targetTurn,
    targetDamage,
    targetChain,
    historyView,
    replayPath,
    estimateUsd,
    runEstimateUsd,
  };
}

export type AppState = ReturnType<typeof createAppState>;
