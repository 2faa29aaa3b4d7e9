/**
 * The panel's state: one `createAppState()` of signals, with derived values as `computed` (STYLE.md:
 * preactjs/signals). Actions that change it live apart, in ui/actions/.
 */
import { computed, signal } from '@preact/signals';
import type { AppError } from '../core/errors.js';
import type { NodeSnapshot, PlacedResult } from '../core/messages.js';
import type { ImageSize } from '../core/models.js';
import type { PublicModel } from '../core/proxy-schema.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { planRequest } from './request-plan.js';

/** A running Generate: when it started, how to cancel it, and what it is doing. */
export interface RunState {
  startedAt: number;
  controller: AbortController;
  step: 'exporting' | 'generating' | 'placing';
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

/** Creates the panel's state with nothing loaded yet. */
export function createAppState() {
  const selection = signal<NodeSnapshot[]>([]);
  const selectionCount = signal(0);
  const thumbnail = signal<Thumbnail | null>(null);
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const settingsLoaded = signal(false);
  const models = signal<PublicModel[]>([]);
  const modelsLoading = signal(false);
  const modelId = signal<string | null>(null);
  const aspectRatio = signal('1:1');
  const imageSize = signal<ImageSize | null>(null);
  const prompt = signal('');
  const view = signal<'main' | 'settings'>('main');
  const run = signal<RunState | null>(null);
  const error = signal<AppError | null>(null);
  const lastResult = signal<PlacedResult | null>(null);

  const model = computed(() => models.value.find((m) => m.id === modelId.value) ?? null);
  const mode = computed<Mode>(() =>
    selectionCount.value === 0 ? 'generate' : selectionCount.value === 1 ? 'edit' : 'multiple',
  );
  const target = computed(() => (mode.value === 'edit' ? (selection.value[0] ?? null) : null));
  const targetThumbnail = computed(() => {
    const shown = thumbnail.value;
    return shown && shown.nodeId === target.value?.id ? shown : null;
  });
  const plan = computed(() => {
    const current = model.value;
    if (!current || mode.value === 'multiple') return null;
    return planRequest(current, target.value, { aspectRatio: aspectRatio.value, imageSize: imageSize.value });
  });
  const canGenerate = computed(
    () => run.value === null && prompt.value.trim() !== '' && plan.value !== null && plan.value.ok,
  );

  return {
    selection,
    selectionCount,
    thumbnail,
    settings,
    settingsLoaded,
    models,
    modelsLoading,
    modelId,
    aspectRatio,
    imageSize,
    prompt,
    view,
    run,
    error,
    lastResult,
    model,
    mode,
    target,
    targetThumbnail,
    plan,
    canGenerate,
  };
}

export type AppState = ReturnType<typeof createAppState>;
