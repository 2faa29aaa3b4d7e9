/**
 * The conversation from the panel's side, in Node: the real panel actions and state, the real sandbox on the Figma
 * double, and a proxy stand-in on a real port that records every request. Turns continue turns with the chain
 * summarised, the History follows the canvas, "Continue from here" branches, and the panel shows what each turn costs.
 */
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../core/base64.js';
import { decodePng } from '../../core/png.js';
import { estimateCostUsd } from '../../core/cost-estimate.js';
import { sha1Hex } from '../../core/sha1.js';
import { TURN_RECORD_KEY } from '../../core/turn-record.js';
import { textParagraphOf } from '../../core/edit-inputs.js';
import { formatUsage } from '../../ui/format.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { generateResultAsync, turnRecordOn, usePanelHarness } from '../support/panel-harness.js';
import { publicModels } from './fixtures.js';
import { until, type PanelSession } from './panel-session.js';
import { USAGE } from './proxy-server.js';

const harness = usePanelHarness();
const { openPanelAsync } = harness;

/** Answers every generate with a 464 × 576 PNG (4:5 at 512, what the poster asks for). */
function answerWithImages(cached = false): void {
  let n = 0;
  harness.proxy.onGenerate = () => ({
    status: 200,
    png: solidPngBytes(464, 576, [40 * ++n, 120, 200, 255]),
    width: 464,
    height: 576,
    cached,
  });
}

/** Types a prompt, presses Generate, and waits until the result is placed and selected. */
async function turnAsync(session: PanelSession, prompt: string) {
  const result = await generateResultAsync(session, prompt);
  await until(() => session.state.targetTurn.value?.id === result.record.id);
  return result;
}

describe('continuing a result', () => {
  it('sends the chosen turn as the base with the earlier prompts summarised, and records what was sent', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    answerWithImages();
    const t1 = await turnAsync(session, 'warmer light');
    const t2 = await turnAsync(session, 'navy jacket');
    const t3 = await turnAsync(session, 'remove the logo');

    const sent = harness.proxy.calls.filter((c) => c.path === '/v1/generate').map((c) => c.body!);
    // The instruction first; then the poster's text as context, kept live on top of every result.
    for (const body of sent) {
      expect(body.prompt.split('\n\n')[1]).toMatch(
        /^This is a layout with live text set on top of the image: the headline "Summer Sale"/,
      );
    }
    expect(sent.map((b) => b.prompt.split('\n\n')[0])).toEqual([
      'warmer light',
      'Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light.\nNow: navy jacket',
      'Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light; 2. navy jacket.\nNow: remove the logo',
    ]);
    // One image each time: the layer being continued, exported, as the base.
    for (const body of sent) expect(body.images?.map((i) => i.role)).toEqual(['base']);

    // The records: the user's own words, the parent links, and the SHA-1 of exactly the bytes sent.
    const records = [t1, t2, t3].map((r) => turnRecordOn(session, r.nodeId));
    expect(records.map((r) => r.prompt)).toEqual(['warmer light', 'navy jacket', 'remove the logo']);
    expect(records.map((r) => r.parentId)).toEqual([null, t1.record.id, t2.record.id]);
    expect(records.map((r) => r.inputs)).toEqual([
      [{ nodeId: session.sample.poster.id, role: 'base', hash: sha1Hex(base64ToBytes(sent[0]!.images![0]!.data)) }],
      [{ nodeId: t1.nodeId, role: 'base', hash: sha1Hex(base64ToBytes(sent[1]!.images![0]!.data)) }],
      [{ nodeId: t2.nodeId, role: 'base', hash: sha1Hex(base64ToBytes(sent[2]!.images![0]!.data)) }],
    ]);
    // The base of turn 3 is turn 2's pixels as the sandbox exports them, not anything earlier: turn 2's answer (a
    // solid colour) with its live text hidden, at the size 1K needs (1152 px high).
    const base = decodePng(base64ToBytes(sent[2]!.images![0]!.data));
    expect([base.width, base.height]).toEqual([922, 1152]);
    const colours = new Set<string>();
    for (let i = 0; i < base.data.length; i += 4) colours.add(Array.from(base.data.subarray(i, i + 3)).join());
    expect([...colours]).toEqual(['80,120,200']);
  });

  it('sends the references the chain used again, oldest dropping first over the model’s limit', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    answerWithImages();
    const t1 = await turnAsync(session, 'warmer light');
    // As if turn 1 had used two references (the panel has no reference picker yet).
    const layer = session.double.figma.currentPage.findOne((n) => n.id === t1.nodeId)!;
    const extra = session.double.figma.createRectangle();
    extra.resize(50, 50);
    const record = turnRecordOn(session, t1.nodeId);
    layer.setPluginData(
      TURN_RECORD_KEY,
      JSON.stringify({
        ...record,
        inputs: [
          ...record.inputs,
          { nodeId: session.sample.productShot.id, role: 'product' },
          { nodeId: extra.id, role: 'style' },
        ],
      }),
    );
    await session.actions.refreshHistoryAsync();
    session.state.modelId.value = 'gemini-2.5-flash-image'; // takes at most 3 images
    await turnAsync(session, 'navy jacket');
    expect(harness.proxy.calls.at(-1)!.body!.images!.map((i) => i.role)).toEqual(['product', 'style', 'base']);

    // With a model limit of 2, the oldest reference (the product) is left out.
    session.state.models.value = session.state.models.value.map((m) =>
      m.id === 'gemini-2.5-flash-image' ? { ...m, maxInputImages: 2 } : m,
    );
    session.state.modelId.value = 'gemini-2.5-flash-image';
    await session.actions.selectLayerAsync(t1.nodeId);
    await until(() => session.state.target.value?.id === t1.nodeId);
    await turnAsync(session, 'red jacket');
    expect(harness.proxy.calls.at(-1)!.body!.images!.map((i) => i.role)).toEqual(['style', 'base']);
  });
});

describe('the History view’s data', () => {
  it('follows the selection, branches with "Continue from here", and follows ⌘Z', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    const { state, actions, double } = session;
    answerWithImages();
    const t1 = await turnAsync(session, 'warmer light');
    const t2 = await turnAsync(session, 'navy jacket');
    await turnAsync(session, 'remove the logo');
    const rows = () => state.historyView.value?.rows.map((r) => [r.turn.record.prompt, r.level, r.current]);
    expect(rows()).toEqual([
      ['warmer light', 0, false],
      ['navy jacket', 0, false],
      ['remove the logo', 0, true],
    ]);
    expect(state.historyView.value).toMatchObject({ sourceNodeId: session.sample.poster.id, sourceName: 'Poster' });

    // "Continue from here" on turn 1: selected, back to the prompt, cursor in it.
    state.view.value = 'history';
    const focus = state.promptFocus.value;
    await actions.continueFromAsync(t1.nodeId);
    await until(() => state.target.value?.id === t1.nodeId);
    expect(state.view.value).toBe('main');
    expect(state.promptFocus.value).toBe(focus + 1);
    expect(state.targetTurn.value?.children).toEqual([t2.record.id]);

    const branch = await turnAsync(session, 'red jacket');
    expect(branch.record.parentId).toBe(t1.record.id);
    expect([branch.x, branch.y]).toEqual([t2.x, t2.y + 675 + 40]);
    expect(rows()).toEqual([
      ['warmer light', 0, false],
      ['navy jacket', 0, false],
      ['remove the logo', 0, false],
      ['red jacket', 1, true],
    ]);

    // ⌘Z removes the branch: the sandbox says the history changed, and the panel reads it again.
    double.undo();
    await until(() => state.history.value?.entries.length === 3);
    expect(state.history.value?.entries.some((e) => e.nodeId === branch.nodeId)).toBe(false);
  });

  it('fetches thumbnails for the rows, one layer at a time, once each', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    answerWithImages();
    const t1 = await turnAsync(session, 'warmer light');
    await session.actions.loadThumbnailsAsync([session.sample.poster.id, t1.nodeId, t1.nodeId]);
    expect([...session.state.thumbnails.value.keys()]).toEqual([session.sample.poster.id, t1.nodeId]);
    expect(session.state.thumbnails.value.get(t1.nodeId)).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it('a damaged record is shown as such, and Generate starts a new history from the layer', async () => {
    const session = await openPanelAsync();
    const { state, double, sample } = session;
    sample.productShot.setPluginData(TURN_RECORD_KEY, '{"v":1,');
    double.userSelect([sample.productShot]);
    await until(() => state.targetDamage.value !== null);
    expect(state.targetDamage.value?.message).toMatch(/can still be used as an image/);
    expect(state.targetTurn.value).toBeNull();
    answerWithImages();
    const next = await turnAsync(session, 'warmer light');
    expect(next.record).toMatchObject({ parentId: null, sourceNodeId: sample.productShot.id });
    expect(harness.proxy.calls.at(-1)!.body!.prompt).toBe('warmer light');
  });
});

describe('what a turn costs', () => {
  it('estimates before sending, from the model’s prices and the context it will send', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    const { state } = session;
    const flash = publicModels.models.find((m) => m.id === 'gemini-nano-banana-2.1')!;
    state.prompt.value = 'warmer light';
    // 4:5 at 1K (the poster at 2×) with one input image: the image price plus 560 input tokens and the prompt,
    // which carries the poster's text as context.
    const sent = (instruction: string) => `${instruction}\n\n${textParagraphOf(state.target.value, true)}`.length;
    expect(state.estimateUsd.value).toBe(estimateCostUsd(flash, '1K', 1, sent('warmer light')));
    answerWithImages();
    await turnAsync(session, 'warmer light');
    state.prompt.value = 'navy jacket';
    const summary =
      'Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light.\nNow: navy jacket';
    expect(state.estimateUsd.value).toBe(estimateCostUsd(flash, '1K', 1, sent(summary)));
  });

  it('shows the actual cost of the result, or that the cache answered for free', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    answerWithImages();
    const paid = await turnAsync(session, 'warmer light');
    expect(paid.record.usage).toEqual(USAGE);
    expect(formatUsage(paid.record.usage)).toBe('$0.067 · 1,680 tokens');
    answerWithImages(true);
    const free = await turnAsync(session, 'navy jacket');
    expect(free.record.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0, cached: true });
    expect(formatUsage(free.record.usage)).toBe('cached · $0');
  });
});
