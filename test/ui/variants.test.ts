/**
 * Variants and component sets from the panel, end to end in Node: the panel's real actions and state,
 * the real sandbox code on the Figma double, and a proxy stand-in on a real port that answers each call by its
 * `variant` index.
 */
import { describe, expect, it } from 'vitest';
import { parseTurnRecord, TURN_RECORD_KEY } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { usePanelHarness } from '../support/panel-harness.js';
import { until } from './panel-session.js';
import type { GenerateAnswer } from './proxy-server.js';

const harness = usePanelHarness();
const { openPanelAsync } = harness;

const image = (variant: number): GenerateAnswer => ({
  status: 200,
  png: solidPngBytes(464, 576, [50 * variant, 120, 200, 255]),
  width: 464,
  height: 576,
});
const blocked: GenerateAnswer = {
  status: 422,
  error: { code: 'safety_blocked', message: "Gemini's safety filters blocked this request. Rephrase the prompt." },
};

/** Answers each call when the test says so, by variant index. */
function heldAnswers(): { release(variant: number, answer: GenerateAnswer): void } {
  const waiting = new Map<number, (answer: GenerateAnswer) => void>();
  const early = new Map<number, GenerateAnswer>();
  harness.proxy.onGenerate = (request) =>
    new Promise((resolve) => {
      const variant = request.variant ?? 0;
      const ready = early.get(variant);
      if (ready) resolve(ready);
      else waiting.set(variant, resolve);
    });
  return {
    release(variant, answer) {
      const resolve = waiting.get(variant);
      if (resolve) resolve(answer);
      else early.set(variant, answer);
    },
  };
}

describe('N variants of an edit', () => {
  it('sends N parallel calls of the same request with distinct variant indexes and places each in one row', async () => {
    const { state, actions, double, sample } = await openPanelAsync((s) => [s.poster]);
    harness.proxy.onGenerate = (request) => image(request.variant ?? 0);
    const before = double.describeNodes();
    const calls = harness.proxy.calls.length;
    state.prompt.value = 'warmer light';
    state.variants.count.value = 4;
    await actions.generateAsync();

    const sent = harness.proxy.calls.slice(calls).map((c) => c.body!);
    expect(sent.map((b) => b.variant).sort()).toEqual([0, 1, 2, 3]);
    const { variant: _first, ...shared } = sent[0]!;
    for (const body of sent) expect({ ...body, variant: undefined }).toEqual({ ...shared, variant: undefined });
    // The request the panel builds for this edit (its prompt may carry context after the instruction).
    expect(shared.prompt).toMatch(/^warmer light/);
    expect(shared.images?.map((i) => i.role)).toEqual(['base']);

    expect(state.error.value).toBeNull();
    expect(state.run.value).toBeNull();
    const batch = state.variants.lastBatch.value!;
    expect(batch.summary).toBe('All 4 done');
    expect(batch.placed).toHaveLength(4);
    // A row below the Poster (beside it the Product shot is in the way), in arrival order.
    expect(batch.placed.map((p) => [p.x, p.y]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      [0, 1, 2, 3].map((i) => [i * 580, 715]),
    );
    const records = batch.placed.map((p) => p.record);
    expect(records.map((r) => r.variant?.index).sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(records.map((r) => r.variant?.batch)).size).toBe(1);
    for (const r of records) expect(r).toMatchObject({ sourceNodeId: sample.poster.id, prompt: 'warmer light' });
    // The source is untouched; the four are selected, so the panel offers "Make component set".
    const after = double.describeNodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    await until(() => state.selectionCount.value === 4);
    expect(state.mode.value).toBe('multiple');
  });

  it('shows progress as calls end: "2 of 4 done…", then the tally', async () => {
    const { state, actions } = await openPanelAsync((s) => [s.productShot]);
    const answers = heldAnswers();
    state.prompt.value = 'navy jacket';
    state.variants.count.value = 4;
    const running = actions.generateAsync();
    await until(() => state.run.value?.step === 'generating');
    expect(state.variants.progress.value).toEqual([null, null, null, null]);
    answers.release(2, image(2));
    answers.release(0, image(0));
    await until(() => state.variants.progress.value?.filter((o) => o?.ok).length === 2);
    expect(state.run.value).not.toBeNull();
    answers.release(1, blocked);
    answers.release(3, image(3));
    await running;
    expect(state.variants.progress.value).toBeNull();
    expect(state.variants.lastBatch.value?.summary).toBe('3 of 4 done; 1 was blocked by safety filters');
    expect(state.error.value).toBeNull();
  });

  it('partial success: three of four placed, side by side with no hole, and says what happened to the fourth', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.productShot]);
    harness.proxy.onGenerate = (request) => (request.variant === 1 ? blocked : image(request.variant ?? 0));
    const count = double.describeNodes().length;
    state.prompt.value = 'a beach';
    state.variants.count.value = 4;
    await actions.generateAsync();
    const batch = state.variants.lastBatch.value!;
    expect(batch.summary).toBe('3 of 4 done; 1 was blocked by safety filters');
    expect(batch.placed.map((p) => p.x).sort((a, b) => a - b)).toEqual([1280, 1920, 2560]);
    expect(double.describeNodes()).toHaveLength(count + 3);
  });

  it('when none is made, says why with what to do next, and adds nothing', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.poster]);
    harness.proxy.onGenerate = () => blocked;
    const before = double.describeNodes();
    state.prompt.value = 'something unsafe';
    state.variants.count.value = 2;
    await actions.generateAsync();
    expect(state.error.value?.code).toBe('safety_blocked');
    expect(state.error.value?.message).toMatch(/^0 of 2 done; 2 were blocked by safety filters\. Gemini's safety/);
    expect(state.variants.lastBatch.value).toBeNull();
    expect(double.describeNodes()).toEqual(before);
  });
});

describe('one Cancel for all', () => {
  it('aborts every call still running and adds nothing more; what was placed stays', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.productShot]);
    harness.proxy.onGenerate = (request) => (request.variant === 0 ? image(0) : { hang: true });
    const calls = harness.proxy.calls.length;
    const count = double.describeNodes().length;
    state.prompt.value = 'a cancelled beach';
    state.variants.count.value = 4;
    const running = actions.generateAsync();
    await until(() => state.variants.progress.value?.[0]?.ok === true);
    expect(double.describeNodes()).toHaveLength(count + 1);
    actions.cancel();
    expect(state.run.value).toBeNull();
    await running;
    const mine = harness.proxy.calls.slice(calls);
    expect(mine).toHaveLength(4);
    await until(() => mine.filter((c) => c.aborted).length === 3);
    expect(state.error.value?.code).toBe('cancelled');
    expect(state.error.value?.message).toBe(
      'Cancelled. 1 of 4 variants had already been placed and stay on the canvas; nothing more is added.',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(double.describeNodes()).toHaveLength(count + 1);
  });

  it('drops an answer that arrives as Cancel is pressed, before it reaches the canvas', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.productShot]);
    const answers = heldAnswers();
    const before = double.describeNodes();
    state.prompt.value = 'another cancelled beach';
    state.variants.count.value = 2;
    // Both calls had gone out: Gemini may bill both, twice the one-image estimate.
    const estimate = state.runEstimateUsd.value!;
    expect(estimate).toBe(2 * state.estimateUsd.value!);
    const running = actions.generateAsync();
    await until(() => state.run.value?.step === 'generating');
    actions.cancel();
    answers.release(0, image(0));
    answers.release(1, image(1));
    await running;
    expect(state.error.value).toEqual({
      code: 'cancelled',
      message: 'The request was cancelled. Nothing was added to the canvas.',
      mayHaveBilledUsd: estimate,
    });
    expect(double.describeNodes()).toEqual(before);
  });
});

describe('N variants of text-to-image', () => {
  it('sends no image, keeps the variant indexes apart, and centres the row on the view', async () => {
    const { state, actions, double } = await openPanelAsync();
    double.figma.viewport.center = { x: 5000, y: 300 };
    harness.proxy.onGenerate = (request) => ({
      status: 200,
      png: solidPngBytes(1024, 1024, [request.variant ?? 0, 0, 0, 255]),
      width: 1024,
      height: 1024,
    });
    const calls = harness.proxy.calls.length;
    state.prompt.value = 'a red bicycle';
    state.variants.count.value = 2;
    await actions.generateAsync();
    const sent = harness.proxy.calls.slice(calls).map((c) => c.body!);
    expect(sent.map((b) => [b.variant, b.images])).toEqual(
      expect.arrayContaining([
        [0, undefined],
        [1, undefined],
      ]),
    );
    const placed = state.variants.lastBatch.value!.placed.map((p) => [p.x, p.y]).sort((a, b) => a[0]! - b[0]!);
    expect(placed).toEqual([
      [5000 - 1024 - 20, 300 - 512],
      [5000 + 20, 300 - 512],
    ]);
  });
});

describe('Make component set from the panel', () => {
  it('turns the selected variants into a component set and says how to publish it', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.productShot]);
    harness.proxy.onGenerate = (request) => image(request.variant ?? 0);
    state.prompt.value = 'a set of beaches';
    state.variants.count.value = 3;
    await actions.generateAsync();
    const placed = state.variants.lastBatch.value!.placed;
    await actions.selectNodesAsync(placed.slice(0, 2).map((p) => p.nodeId));
    await until(() => state.selectionCount.value === 2);
    expect(state.selection.value.map((n) => n.id)).toEqual(placed.slice(0, 2).map((p) => p.nodeId));
    await actions.makeComponentSetAsync();
    expect(state.error.value).toBeNull();
    const made = state.variants.componentSet.value!;
    expect(made).toMatchObject({
      name: 'Product shot — a set of beaches',
      variantNames: ['Variant=1', 'Variant=2'],
      publishStatus: 'UNPUBLISHED',
    });
    // The set is selected, so the panel shows it with its publish status and its variants (not as an image to edit).
    await until(() => state.selection.value[0]?.id === made.setId);
    expect(state.selectionKind.value).toMatchObject({ kind: 'component-set', variantCount: 2 });
    expect(state.target.value).toBeNull();
    expect(state.variants.lastBatch.value).toBeNull();
    for (const id of made.componentIds) {
      const component = (await double.figma.getNodeByIdAsync(id))!;
      expect(parseTurnRecord(component.getPluginData(TURN_RECORD_KEY))).toMatchObject({
        ok: true,
        value: { originNodeId: id, prompt: 'a set of beaches' },
      });
    }
    await actions.checkPublishStatusAsync();
    expect(state.variants.componentSet.value?.publishStatus).toBe('UNPUBLISHED');
  });

  it('refuses a selection holding a layer the user made, naming it, and changes nothing', async () => {
    const { state, actions, double, sample } = await openPanelAsync((s) => [s.productShot]);
    harness.proxy.onGenerate = (request) => image(request.variant ?? 0);
    state.prompt.value = 'beach set refused';
    state.variants.count.value = 2;
    await actions.generateAsync();
    const placed = state.variants.lastBatch.value!.placed;
    await actions.selectNodesAsync([placed[0]!.nodeId, sample.poster.id]);
    await until(() => state.selection.value.some((n) => n.id === sample.poster.id));
    const before = double.describeNodes();
    await actions.makeComponentSetAsync();
    expect(state.error.value?.code).toBe('bad_request');
    expect(state.error.value?.message).toMatch(/“Poster” was not made by Banana Studio/);
    expect(state.variants.componentSet.value).toBeNull();
    expect(double.describeNodes()).toEqual(before);
  });
});
