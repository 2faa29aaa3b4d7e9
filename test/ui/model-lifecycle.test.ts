/**
 * What the panel does when models leave and calls fail after reaching Gemini, through its real actions and state
 * against the proxy stand-in: a pick whose model left the list moves to the replacement with one line saying so (at
 * start, and when a Generate is refused with `model_unavailable`); a cancelled or failed call says what Gemini may
 * bill for it.
 */
import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../core/cost-estimate.js';
import type { ModelsResponse } from '../../core/proxy-schema.js';
import { usePanelHarness } from '../support/panel-harness.js';
import { publicModels } from './fixtures.js';
import { until } from './panel-session.js';

const harness = usePanelHarness();
const { openPanelAsync } = harness;

/** The list as a proxy whose key lost Nano Banana 2 serves it. */
const withoutFlash: ModelsResponse = {
  defaultModel: 'gemini-nano-banana-2.1',
  models: publicModels.models.filter((m) => m.id !== 'gemini-3.1-flash-image'),
  unavailable: [
    { id: 'gemini-3.1-flash-image', label: 'Nano Banana 2 (3.1 Flash Image)', replacement: 'gemini-nano-banana-2.1' },
  ],
};

describe('a model that left the list', () => {
  it('moves the pick to its replacement with one line, and a new pick clears the line', async () => {
    const { state, actions } = await openPanelAsync();
    state.modelId.value = 'gemini-3.1-flash-image';
    harness.proxy.models = withoutFlash;
    await actions.reloadModelsAsync();
    expect(state.modelId.value).toBe('gemini-nano-banana-2.1');
    expect(state.modelNote.value).toBe(
      'Nano Banana 2 (3.1 Flash Image) is no longer available to this team; switched to Nano Banana 2.1.',
    );
    expect(state.error.value).toBeNull();
    // A pick that is still offered stays, with no note.
    state.modelId.value = 'gemini-3-pro-image';
    state.modelNote.value = null;
    await actions.reloadModelsAsync();
    expect([state.modelId.value, state.modelNote.value]).toEqual(['gemini-3-pro-image', null]);
  });

  it('reads the list again when a Generate is refused with model_unavailable, and moves the pick', async () => {
    const { state, actions } = await openPanelAsync();
    state.modelId.value = 'gemini-3.1-flash-image';
    // The proxy's hourly check found the model gone after the panel read the list.
    harness.proxy.models = withoutFlash;
    const message = 'Nano Banana 2 (3.1 Flash Image) is no longer available to this team; use Nano Banana 2.1.';
    harness.proxy.onGenerate = () => ({ status: 410, error: { code: 'model_unavailable', message } });
    state.prompt.value = 'a lighthouse at dusk';
    await actions.generateAsync();
    expect(state.error.value).toEqual({ code: 'model_unavailable', message });
    expect(state.modelId.value).toBe('gemini-nano-banana-2.1');
    expect(state.modelNote.value).toMatch(/switched to Nano Banana 2\.1\.$/);
    expect(harness.proxy.calls.filter((c) => c.path === '/v1/models').length).toBeGreaterThanOrEqual(2);
  });
});

describe('what a call that reached Gemini may cost', () => {
  it('a cancel while generating keeps the estimate shown when it started', async () => {
    const { state, actions } = await openPanelAsync();
    harness.proxy.onGenerate = () => ({ hang: true });
    state.prompt.value = 'a slow red kite';
    const estimate = state.estimateUsd.value!;
    const nb21 = publicModels.models.find((m) => m.id === 'gemini-nano-banana-2.1')!;
    expect(estimate).toBe(estimateCostUsd(nb21, '1K', 0, 'a slow red kite'.length));
    const calls = harness.proxy.calls.length;
    const running = actions.generateAsync();
    await until(() => harness.proxy.calls.length > calls);
    actions.cancel();
    expect(state.error.value).toMatchObject({ code: 'cancelled', mayHaveBilledUsd: estimate });
    await running;
    expect(state.error.value?.mayHaveBilledUsd).toBe(estimate);
  });

  it('a cancel before anything was sent says nothing about a bill', async () => {
    const { state, actions } = await openPanelAsync((s) => [s.poster]);
    state.prompt.value = 'warmer light';
    const running = actions.generateAsync();
    expect(state.run.value?.step).toBe('exporting');
    actions.cancel();
    await running;
    expect(state.error.value?.code).toBe('cancelled');
    expect(state.error.value).not.toHaveProperty('mayHaveBilledUsd');
  });

  it('a failed call carries what the proxy says Gemini may bill', async () => {
    const { state, actions } = await openPanelAsync();
    const message = 'Gemini did not answer within 2 minutes. Try again, or use a smaller size.';
    harness.proxy.onGenerate = () => ({
      status: 504,
      error: { code: 'upstream_timeout', message, mayHaveBilledUsd: 0.0356 },
    });
    state.prompt.value = 'a very slow kite';
    await actions.generateAsync();
    expect(state.error.value).toEqual({ code: 'upstream_timeout', message, mayHaveBilledUsd: 0.0356 });
  });
});
