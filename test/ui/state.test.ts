import { describe, expect, it } from 'vitest';
import { contextPrompt } from '../../core/conversation-context.js';
import { estimateCostUsd } from '../../core/cost-estimate.js';
import type { HistorySnapshot, NodeSnapshot } from '../../core/messages.js';
import { buildTurnRecord, type TurnRecord } from '../../core/turn-record.js';
import { applyPush } from '../../ui/actions/apply-push.js';
import { cancelRun } from '../../ui/actions/run.js';
import { createAppState } from '../../ui/state.js';
import { publicModels } from './fixtures.js';

const poster: NodeSnapshot = {
  id: '1:2',
  name: 'Poster',
  type: 'FRAME',
  width: 400,
  height: 500,
  hasText: true,
  hasImageFill: false,
  hasTurn: false,
};
const png = Uint8Array.of(1, 2, 3);

function loadedState() {
  const state = createAppState();
  state.models.value = publicModels.models;
  state.modelId.value = publicModels.defaultModel;
  return state;
}

describe('createAppState derived values', () => {
  it('starts empty: generate mode, nothing to run', () => {
    const state = createAppState();
    expect(state.mode.value).toBe('generate');
    expect(state.target.value).toBeNull();
    expect(state.plan.value).toBeNull();
    expect(state.canGenerate.value).toBe(false);
    expect(state.settings.value).toEqual({ proxyUrl: 'http://localhost:8787', token: '' });
  });

  it('follows the selection: none → generate, one → edit, a frame and more → edit, several results → multiple', () => {
    const state = loadedState();
    state.prompt.value = 'warmer light';
    expect(state.mode.value).toBe('generate');
    expect(state.canGenerate.value).toBe(true);
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [poster], count: 1 });
    expect(state.mode.value).toBe('edit');
    expect(state.target.value).toEqual(poster);
    // 400 × 500 without export settings is exported at 2×: 800 × 1000 asks for 1K.
    expect(state.plan.value).toMatchObject({ ok: true, value: { aspectRatio: '4:5', imageSize: '1K' } });
    // A second layer is a reference; the first of two equal frames is the base.
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [poster, { ...poster, id: '3:4' }], count: 2 });
    expect(state.mode.value).toBe('edit');
    expect(state.target.value?.id).toBe('1:2');
    // Its name says no role, so none is assumed: Generate waits for the person to choose one.
    expect(state.editInputs.value.references).toEqual([]);
    expect(state.editInputs.value.unassigned).toEqual(['Poster']);
    expect(state.plan.value).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    state.precision.roles.value = new Map([['3:4', 'style']]);
    expect(state.editInputs.value.references).toEqual([
      { nodeId: '3:4', name: 'Poster', role: 'style', pinned: false },
    ]);
    // Several results and nothing else (a batch of variants) are not read as references.
    const result = { ...poster, hasTurn: true };
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [result, { ...result, id: '3:4' }], count: 2 });
    expect(state.mode.value).toBe('multiple');
    expect(state.canGenerate.value).toBe(false);
  });

  it('needs a prompt with more than spaces to generate', () => {
    const state = loadedState();
    state.prompt.value = '   ';
    expect(state.canGenerate.value).toBe(false);
  });

  it('uses the chosen ratio for text-to-image, corrected to the model', () => {
    const state = loadedState();
    state.aspectRatio.value = '8:1';
    expect(state.plan.value).toMatchObject({ ok: true, value: { aspectRatio: '8:1' } });
    state.modelId.value = 'gemini-2.5-flash-image';
    expect(state.plan.value).toMatchObject({ ok: true, value: { aspectRatio: '1:1', sendImageSize: false } });
  });
});

describe('applyPush', () => {
  it('shows the thumbnail only for the edited layer', () => {
    const state = loadedState();
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [poster], count: 1 });
    applyPush(state, { type: 'THUMBNAIL', nodeId: '9:9', bytes: png, width: 10, height: 10 });
    expect(state.targetThumbnail.value).toBeNull();
    applyPush(state, { type: 'THUMBNAIL', nodeId: '1:2', bytes: png, width: 77, height: 96 });
    expect(state.targetThumbnail.value).toEqual({ nodeId: '1:2', bytes: png, width: 77, height: 96 });
  });

  it('drops the thumbnail when its layer is no longer selected', () => {
    const state = loadedState();
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [poster], count: 1 });
    applyPush(state, { type: 'THUMBNAIL', nodeId: '1:2', bytes: png, width: 77, height: 96 });
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [], count: 0 });
    expect(state.thumbnail.value).toBeNull();
  });

  it('shows a reported problem', () => {
    const state = loadedState();
    applyPush(state, { type: 'ERROR', error: { code: 'bad_message', message: 'huh' } });
    expect(state.error.value).toEqual({ code: 'bad_message', message: 'huh' });
  });
});

describe('cancelRun', () => {
  it('aborts the running request and ends the run at once', () => {
    const state = loadedState();
    const controller = new AbortController();
    state.run.value = { startedAt: 0, controller, step: 'generating' };
    cancelRun(state);
    expect(controller.signal.aborted).toBe(true);
    expect(state.run.value).toBeNull();
    expect(state.error.value?.code).toBe('cancelled');
  });

  it('does nothing once the result is being placed', () => {
    const state = loadedState();
    const controller = new AbortController();
    state.run.value = { startedAt: 0, controller, step: 'placing' };
    cancelRun(state);
    expect(controller.signal.aborted).toBe(false);
    expect(state.run.value).not.toBeNull();
  });

  it('does nothing when nothing runs', () => {
    const state = loadedState();
    cancelRun(state);
    expect(state.error.value).toBeNull();
  });
});

describe('history in the state', () => {
  const turn = (id: string, nodeId: string, parent: TurnRecord | null, source: string, minute: number) =>
    buildTurnRecord(
      {
        prompt: `prompt ${id}`,
        model: 'gemini-3.1-flash-image',
        params: { aspectRatio: '4:5', imageSize: '512' },
        inputs: [{ nodeId: source, role: 'base' }],
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0.05 },
      },
      {
        id,
        parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
        sourceNodeId: source,
        originNodeId: nodeId,
        author: null,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
      },
    );
  const t1 = turn('t1', '5:1', null, '1:2', 1);
  const t2 = turn('t2', '5:2', t1, '5:1', 2);
  const history: HistorySnapshot = {
    pageId: '0:1',
    entries: [
      { nodeId: '5:1', name: 'Poster — prompt t1', record: t1 },
      { nodeId: '5:2', name: 'Poster — prompt t2', record: t2 },
    ],
    sources: [{ nodeId: '1:2', name: 'Poster' }],
  };
  const snapshot = (id: string, name: string): NodeSnapshot => ({ ...poster, id, name, hasTurn: id !== '1:2' });

  it('knows the selected result’s turn and chain, and shows its conversation', () => {
    const state = loadedState();
    state.history.value = history;
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [snapshot('5:2', 'Poster — prompt t2')], count: 1 });
    expect(state.targetTurn.value?.id).toBe('t2');
    expect(state.targetChain.value?.turns.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(state.historyView.value).toMatchObject({ sourceNodeId: '1:2', sourceName: 'Poster', sourceIsTarget: false });
    expect(state.historyView.value?.rows.map((r) => [r.turn.id, r.current])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
  });

  it('shows what was made from a selected source layer', () => {
    const state = loadedState();
    state.history.value = history;
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [snapshot('1:2', 'Poster')], count: 1 });
    expect(state.targetTurn.value).toBeNull();
    expect(state.historyView.value).toMatchObject({
      sourceIsTarget: true,
      rows: [{ turn: { id: 't1' } }, { turn: { id: 't2' } }],
    });
  });

  it('after ⌘Z took the selected result away, keeps showing its history from the parent, nothing current', () => {
    const state = loadedState();
    state.history.value = history;
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [snapshot('5:2', 'Poster — prompt t2')], count: 1 });
    expect(state.historyView.value?.rows).toHaveLength(2);
    state.history.value = { ...history, entries: history.entries.slice(0, 1) };
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [], count: 0 });
    expect(state.historyView.value?.rows.map((r) => [r.turn.id, r.current])).toEqual([['t1', false]]);
  });

  it('estimates the next turn with the chain summarised, and none without a model', () => {
    const state = loadedState();
    state.history.value = history;
    applyPush(state, { type: 'SELECTION_CHANGED', nodes: [snapshot('5:2', 'Poster — prompt t2')], count: 1 });
    state.prompt.value = 'navy jacket';
    const flash = publicModels.models.find((m) => m.id === 'gemini-nano-banana-2.1')!;
    const text = contextPrompt('navy jacket', ['prompt t1', 'prompt t2']).prompt;
    // 400 × 500 at 2× asks for 1K; the poster's text is not in the snapshot, so no text paragraph.
    expect(state.estimateUsd.value).toBe(estimateCostUsd(flash, '1K', 1, text.length));
    state.models.value = [];
    expect(state.estimateUsd.value).toBeNull();
  });
});
