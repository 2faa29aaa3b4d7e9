/**
 * One turn end to end in Node: the panel's real actions, state and bridge, relayed to the real sandbox code on
 * the Figma double, calling a proxy stand-in on a real local port. Only the canvas work uses a Node fitter.
 */
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../core/base64.js';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, encodePng } from '../../core/png.js';
import { parseTurnRecord, TURN_RECORD_KEY } from '../../core/turn-record.js';
import { SETTINGS_KEY } from '../../plugin/settings-store.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { usePanelHarness } from '../support/panel-harness.js';
import { until } from './panel-session.js';
import { USAGE } from './proxy-server.js';

const harness = usePanelHarness();
const { openPanelAsync } = harness;

describe('start-up', () => {
  it('loads settings from clientStorage, models from the proxy, and the selection from the sandbox', async () => {
    const { state, sample } = await openPanelAsync((s) => [s.poster]);
    expect(state.settings.value).toEqual({ proxyUrl: harness.proxy.url, token: 'team-token' });
    expect(state.models.value.map((m) => m.id)).toContain('gemini-3.1-flash-image');
    expect(state.modelId.value).toBe('gemini-nano-banana-2.1');
    expect(state.mode.value).toBe('edit');
    expect(state.target.value).toMatchObject({ id: sample.poster.id, name: 'Poster', width: 540, height: 675 });
    await until(() => state.targetThumbnail.value !== null);
    expect(state.error.value).toBeNull();
  });

  it('reports an unreachable proxy, then recovers when Settings point to the right one', async () => {
    const { state, actions } = await openPanelAsync(undefined, { proxyUrl: 'http://127.0.0.1:9' });
    expect(state.error.value?.code).toBe('proxy_unreachable');
    expect(state.models.value).toEqual([]);
    expect(await actions.saveSettingsAsync({ proxyUrl: harness.proxy.url, token: 'team-token' })).toBe(true);
    expect(state.models.value.length).toBeGreaterThan(0);
    expect(state.error.value).toBeNull();
  });

  it('shows a rejected token with the proxy’s message', async () => {
    const { state, actions } = await openPanelAsync();
    await actions.saveSettingsAsync({ proxyUrl: harness.proxy.url, token: 'wrong' });
    expect(state.error.value).toEqual({ code: 'unauthorized', message: 'Your team token was not accepted.' });
  });

  it('refuses settings that are not a URL without asking the sandbox', async () => {
    const { state, actions, double } = await openPanelAsync();
    expect(await actions.saveSettingsAsync({ proxyUrl: 'localhost', token: '' })).toBe(false);
    expect(state.error.value?.message).toMatch(/^"localhost" is not a web address\. .*https:\/\//);
    expect(await double.figma.clientStorage.getAsync(SETTINGS_KEY)).toEqual({
      proxyUrl: harness.proxy.url,
      token: 'team-token',
    });
  });
});

describe('Generate on a selected frame (edit)', () => {
  it('sends the frame as the base image with its ratio and places the fitted result beside it', async () => {
    const { state, actions, double, sample } = await openPanelAsync((s) => [s.poster]);
    // 540 × 675 is nearest 4:5; exported at 2× (it has no export settings) it is 1080 × 1350, and 1K (928 × 1152)
    // is the smallest size that covers that (core/aspect.ts tolerance).
    harness.proxy.onGenerate = () => ({
      status: 200,
      png: solidPngBytes(928, 1152, [255, 170, 80, 255]),
      width: 928,
      height: 1152,
    });
    state.prompt.value = 'warmer light';
    await actions.generateAsync();

    expect(state.error.value).toBeNull();
    expect(state.run.value).toBeNull();
    const sent = harness.proxy.calls.at(-1)!.body!;
    expect(sent).toMatchObject({ model: 'gemini-nano-banana-2.1', aspectRatio: '4:5', imageSize: '1K' });
    // The person's words, then the poster's text as context.
    expect(sent.prompt).toMatch(/^warmer light\n\nThis is a layout with live text/);
    expect(sent.images).toHaveLength(1);
    expect(sent.images![0]).toMatchObject({ mimeType: 'image/png', role: 'base' });
    // The export is capped at what 1K needs (1152 px), not sent at a size the model would throw away.
    expect(readImageHeader(base64ToBytes(sent.images![0]!.data))).toEqual({
      mimeType: 'image/png',
      width: 922,
      height: 1152,
    });

    const result = state.lastResult.value!;
    expect(result).toMatchObject({ name: 'Poster — warmer light', x: 1280, y: 0, width: 540, height: 675 });
    const node = (await double.figma.getNodeByIdAsync(result.nodeId)) as FrameNode;
    const hash = (node.fills as ImagePaint[])[0]!.imageHash!;
    // 928 × 1152 cover-cropped to the frame's exact 540 × 675 keeps the full height.
    expect(await double.figma.getImageByHash(hash)!.getSizeAsync()).toEqual({ width: 922, height: 1152 });
    expect(parseTurnRecord(node.getPluginData(TURN_RECORD_KEY))).toMatchObject({
      ok: true,
      value: {
        prompt: 'warmer light',
        sourceNodeId: sample.poster.id,
        usage: USAGE,
        params: { aspectRatio: '4:5', imageSize: '1K' },
      },
    });
    // The panel now shows the result as the selection, ready for the next turn.
    await until(() => state.target.value?.id === result.nodeId);
  });

  it('shrinks an input image over the backend’s limit before sending, and sends one that fits unchanged', async () => {
    const { state, actions } = await openPanelAsync((s) => [s.poster]);
    harness.proxy.onGenerate = () => ({
      status: 200,
      png: solidPngBytes(928, 1152, [9, 9, 9, 255]),
      width: 928,
      height: 1152,
    });
    state.prompt.value = 'warmer light';
    await actions.generateAsync();
    const whole = base64ToBytes(harness.proxy.calls.at(-1)!.body!.images![0]!.data);
    expect(readImageHeader(whole)).toMatchObject({ width: 922, height: 1152 });

    // A backend that takes a third of that (as Vertex AI's 7 MB does for a noisy 4096 px export).
    state.inlineImageMaxBytes.value = Math.floor(whole.length / 3);
    await actions.generateAsync();
    expect(state.error.value).toBeNull();
    const shrunk = base64ToBytes(harness.proxy.calls.at(-1)!.body!.images![0]!.data);
    expect(shrunk.length).toBeLessThanOrEqual(state.inlineImageMaxBytes.value);
    const header = readImageHeader(shrunk)!;
    expect(header.width).toBeLessThan(922);
    expect(Math.abs(header.width / header.height - 922 / 1152)).toBeLessThan(0.01);
    // The result is still placed at the frame's size.
    expect(state.lastResult.value).toMatchObject({ width: 540, height: 675 });
  });

  it('shows the proxy’s error and leaves the canvas as it was', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.poster]);
    const before = double.describeNodes();
    const message = "Gemini's safety filters blocked this request. Rephrase the prompt and try again.";
    harness.proxy.onGenerate = () => ({ status: 422, error: { code: 'safety_blocked', message } });
    state.prompt.value = 'something unsafe';
    await actions.generateAsync();
    expect(state.error.value).toEqual({ code: 'safety_blocked', message });
    expect(state.run.value).toBeNull();
    expect(state.lastResult.value).toBeNull();
    expect(double.describeNodes()).toEqual(before);
  });

  it('still places a paid answer when the source is deleted while Gemini works: where the source was', async () => {
    const { state, actions, double, sample } = await openPanelAsync((s) => [s.poster]);
    const posterId = sample.poster.id;
    harness.proxy.onGenerate = () => {
      sample.poster.remove();
      return { status: 200, png: solidPngBytes(928, 1152, [1, 2, 3, 255]), width: 928, height: 1152 };
    };
    state.prompt.value = 'warmer light';
    await actions.generateAsync();
    expect(state.error.value).toBeNull();
    expect(await double.figma.getNodeByIdAsync(posterId)).toBeNull();
    const result = state.lastResult.value!;
    // The Poster was 540×675 at (0, 0) on the page: the result is a top-level frame there, a turn of its own.
    expect(result).toMatchObject({ name: 'Poster — warmer light', x: 0, y: 0, width: 540, height: 675 });
    expect(result.sourceDeleted).toEqual({ name: 'Poster' });
    expect(result.record.parentId).toBeNull();
    const node = await double.figma.getNodeByIdAsync(result.nodeId);
    expect(node?.parent?.id).toBe(double.figma.currentPage.id);
  });

  it('cancels for real: the request is aborted, the spinner ends, nothing is placed', async () => {
    const { state, actions, double } = await openPanelAsync((s) => [s.poster]);
    const before = double.describeNodes();
    harness.proxy.onGenerate = () => ({ hang: true });
    state.prompt.value = 'warmer light';
    const calls = harness.proxy.calls.length;
    const running = actions.generateAsync();
    await until(() => harness.proxy.calls.length > calls);
    expect(state.run.value?.step).toBe('generating');
    actions.cancel();
    expect(state.run.value).toBeNull();
    expect(state.error.value?.code).toBe('cancelled');
    await running;
    await until(() => harness.proxy.calls.at(-1)!.aborted);
    expect(state.error.value?.code).toBe('cancelled');
    expect(double.describeNodes()).toEqual(before);
  });
});

describe('Generate with nothing selected (text-to-image)', () => {
  it('sends no image and places the answer at the viewport centre at its own size', async () => {
    const { state, actions, double } = await openPanelAsync();
    double.figma.viewport.center = { x: 3000, y: 400 };
    harness.proxy.onGenerate = () => ({
      status: 200,
      png: solidPngBytes(1376, 768, [30, 90, 200, 255]),
      width: 1376,
      height: 768,
    });
    state.prompt.value = 'a red bicycle';
    state.aspectRatio.value = '16:9';
    state.imageSize.value = '1K';
    await actions.generateAsync();
    expect(state.error.value).toBeNull();
    const sent = harness.proxy.calls.at(-1)!.body!;
    expect(sent).toEqual({
      model: 'gemini-nano-banana-2.1',
      prompt: 'a red bicycle',
      aspectRatio: '16:9',
      imageSize: '1K',
    });
    expect(state.lastResult.value).toMatchObject({
      name: 'Banana — a red bicycle',
      x: 3000 - 688,
      y: 400 - 384,
      width: 1376,
      height: 768,
    });
  });

  it('scales an answer wider than 4096 down before it reaches Figma', async () => {
    const { state, actions, double } = await openPanelAsync();
    harness.proxy.onGenerate = () => ({
      status: 200,
      png: encodePng(createImage(4800, 100, [9, 9, 9, 255]), 1),
      width: 4800,
      height: 100,
    });
    state.prompt.value = 'a very long banner';
    await actions.generateAsync();
    expect(state.error.value).toBeNull();
    const node = (await double.figma.getNodeByIdAsync(state.lastResult.value!.nodeId)) as FrameNode;
    expect([node.width, node.height]).toEqual([4096, 85]);
  });

  it('leaves out imageSize for a model without a size knob', async () => {
    const { state, actions } = await openPanelAsync();
    harness.proxy.onGenerate = () => ({
      status: 200,
      png: solidPngBytes(1024, 1024, [9, 9, 9, 255]),
      width: 1024,
      height: 1024,
    });
    state.modelId.value = 'gemini-2.5-flash-image';
    state.prompt.value = 'a cat';
    await actions.generateAsync();
    expect(harness.proxy.calls.at(-1)!.body).toEqual({
      model: 'gemini-2.5-flash-image',
      prompt: 'a cat',
      aspectRatio: '1:1',
    });
    expect(state.lastResult.value?.record.params).toEqual({ aspectRatio: '1:1', imageSize: '1K' });
  });

  it('asks for a prompt instead of calling the proxy with none', async () => {
    const { state, actions } = await openPanelAsync();
    const calls = harness.proxy.calls.length;
    state.prompt.value = '  ';
    await actions.generateAsync();
    expect(state.error.value?.message).toMatch(/Type a prompt/);
    expect(harness.proxy.calls.length).toBe(calls);
  });
});
