/**
 * The panel's view of live replay (ui/state.ts `replayPath`, `estimateUsd`): with the real state and the model list
 * as the real proxy builds it (proxy/routes/models.ts), which selected result the next Generate would replay, and
 * what that costs. Whether replay really happens is proven end to end in test/e2e/live-replay.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../core/cost-estimate.js';
import type { LiveTurn } from '../../core/live-replay.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { buildTurnRecord } from '../../core/turn-record.js';
import { publicModels } from '../../proxy/routes/models.js';
import { applyPush } from '../../ui/actions/apply-push.js';
import { createAppState } from '../../ui/state.js';
import { loadRegistry } from '../support/registry.js';

const FLASH = 'gemini-3.1-flash-image';
const HASH = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12';
const image = { mimeType: 'image/png' as const, data: 'iVBORw0KGgo=' };

const record = buildTurnRecord(
  {
    prompt: 'warmer light',
    model: FLASH,
    params: { aspectRatio: '4:5', imageSize: '1K' },
    inputs: [{ nodeId: '1:2', role: 'base' }],
    usage: { inputTokens: 560, outputTokens: 1120, totalTokens: 1680, costUsd: 0.06748 },
  },
  {
    id: 'turn-1',
    parent: null,
    sourceNodeId: '1:2',
    originNodeId: '5:1',
    resultHash: HASH,
    author: null,
    createdAt: '2026-03-04T05:06:07.000Z',
  },
);
const result: NodeSnapshot = {
  id: '5:1',
  name: 'Poster — warmer light',
  type: 'FRAME',
  width: 400,
  height: 500,
  hasText: false,
  hasImageFill: true,
  hasTurn: true,
  imageHash: HASH,
};
const live: LiveTurn = {
  turnId: 'turn-1',
  parentTurnId: null,
  model: FLASH,
  user: { role: 'user', parts: [{ inlineData: image }, { text: 'warmer light' }] },
  modelTurn: { role: 'model', parts: [{ inlineData: image, thoughtSignature: 'c2ln' }] },
};

function stateWith(selected: NodeSnapshot, turns: LiveTurn[] = [live], model = FLASH) {
  const state = createAppState();
  const models = publicModels(loadRegistry());
  state.models.value = models.models;
  state.modelId.value = model;
  state.history.value = { pageId: '0:1', entries: [{ nodeId: '5:1', name: result.name, record }], sources: [] };
  applyPush(state, { type: 'SELECTION_CHANGED', nodes: [selected], count: 1 });
  state.liveTurns.value = turns;
  state.prompt.value = 'navy jacket';
  return state;
}

describe('the next Generate replays', () => {
  it('a result made live in this session, on its model, that still shows the model’s image', () => {
    const state = stateWith(result);
    expect(state.replayPath.value?.map((t) => t.turnId)).toEqual(['turn-1']);
    // Two input images (the source sent at turn 1 and the model's image) and all the words, at 3.1 Flash's rates.
    const model = state.model.value!;
    expect(state.estimateUsd.value).toBe(estimateCostUsd(model, '1K', 2, 'navy jacket'.length + 'warmer light'.length));
    expect(state.estimateUsd.value).toBeGreaterThan(estimateCostUsd(model, '1K', 1, 'navy jacket'.length)!);
  });

  it.each<[string, () => ReturnType<typeof stateWith>]>([
    ['not a turn of this session (a teammate’s, or from before the panel opened)', () => stateWith(result, [])],
    ['another model', () => stateWith(result, [live], 'gemini-3-pro-image')],
    [
      'a model that does not sign its turns',
      () => stateWith(result, [{ ...live, model: 'gemini-2.5-flash-image' }], 'gemini-2.5-flash-image'),
    ],
    ['a layer whose image was replaced', () => stateWith({ ...result, imageHash: 'ffff' })],
    ['a layer whose fill was changed (no hash)', () => stateWith({ ...result, imageHash: undefined } as NodeSnapshot)],
    [
      'text on the layer that would be sent baked in (Keep text editable off)',
      () => {
        const state = stateWith({ ...result, hasText: true });
        state.precision.keepText.value = false;
        return state;
      },
    ],
    [
      'variants, which stay stateless',
      () => {
        const state = stateWith(result);
        state.variants.count.value = 3;
        return state;
      },
    ],
  ])('nothing for %s: a stateless turn, priced as one', (_name, make) => {
    const state = make();
    expect(state.replayPath.value).toBeNull();
    const model = state.model.value!;
    const single = estimateCostUsd(model, state.plan.value!.ok ? state.plan.value!.value.imageSize : '1K', 1, 0)!;
    expect(state.estimateUsd.value).toBeGreaterThanOrEqual(single);
  });

  it('text kept live on top does not stop it (the model never drew that text)', () => {
    const state = stateWith({ ...result, hasText: true });
    state.precision.keepText.value = true;
    expect(state.replayPath.value?.map((t) => t.turnId)).toEqual(['turn-1']);
  });
});
