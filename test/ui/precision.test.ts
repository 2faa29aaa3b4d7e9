/**
 * Precise edits from the panel's side, in Node: the panel's real state, actions and bridge, the real sandbox on the
 * Figma double, and a proxy stand-in on a real port that records every request and answers at the size asked for.
 * References with roles, the model's image limit, the pinned subject, style presets, Keep text editable, frame-native
 * sizes, and a regional edit composited byte for byte outside the shape.
 */
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../core/base64.js';
import type { ImageSize } from '../../core/image-sizes.js';
import { readImageHeader } from '../../core/image-header.js';
import { decodePng } from '../../core/png.js';
import { alignShapeMask } from '../../core/align-shape-mask.js';
import { STYLE_PRESETS } from '../../core/style-presets.js';
import { pngExportSettings } from '../../plugin/export-png.js';
import { publicModels } from './fixtures.js';
import { until } from './panel-session.js';
import { makePngBytes } from '../../dev/figma-double/index.js';
import { generateResultAsync, turnRecordOn, usePanelHarness } from '../support/panel-harness.js';

const harness = usePanelHarness();
const { openPanelAsync } = harness;

/** Answers every generate with a picture (a gradient, different each time) at the size the request asked for. */
function answerAtRequestedSize(): void {
  let n = 0;
  harness.proxy.onGenerate = (request) => {
    const model = publicModels.models.find((m) => m.id === request.model)!;
    const size = (request.imageSize ?? model.defaultImageSize) as ImageSize;
    const [width, height] = model.dimensions[size]![request.aspectRatio ?? '1:1']!;
    const k = ++n;
    const png = makePngBytes(width, height, (x, y) => [(x * 7 + k * 40) & 255, (y * 5) & 255, (k * 90) & 255, 255]);
    return { status: 200, png, width, height };
  };
}

const lastRequest = () => harness.proxy.calls.filter((c) => c.path === '/v1/generate').at(-1)!.body!;

describe('reference images with roles', () => {
  it('sends each selected layer as an image with its role, named by its place in the instruction', async () => {
    const session = await openPanelAsync((s) => [s.productShot, s.poster]);
    const { state, actions, sample } = session;
    expect(state.target.value?.id).toBe(sample.poster.id); // the largest frame is the base
    expect(state.selectionRoles.value.baseReason).toBe('largest-frame');
    actions.precision.setReferenceRole(sample.productShot.id, 'product');
    actions.precision.setKeepText(false);
    answerAtRequestedSize();
    const result = await generateResultAsync(session, 'put the bottle on the table');
    const sent = lastRequest();
    expect(sent.images!.map((i) => i.role)).toEqual(['product', 'base']);
    expect(sent.prompt.split('\n\n')[0]).toBe(
      'The first image shows the product: reproduce it faithfully, with its exact shape, colours, materials, label ' +
        'and logo unchanged. Edit the second image; the others are references.',
    );
    expect(sent.prompt.split('\n\n')[1]).toBe('put the bottle on the table');
    // The text is in the pixels this time (Keep text editable is off), so the model is told to keep it.
    expect(sent.prompt.split('\n\n')[2]).toMatch(/^The image is a layout with this text: the headline "Summer Sale"/);
    expect(turnRecordOn(session, result.nodeId).inputs.map((i) => [i.nodeId, i.role])).toEqual([
      [sample.productShot.id, 'product'],
      [sample.poster.id, 'base'],
    ]);
  });

  it('lets the person choose the base', async () => {
    const session = await openPanelAsync((s) => [s.poster, s.productShot]);
    const { state, actions, sample } = session;
    actions.precision.setBase(sample.productShot.id);
    expect(state.target.value?.id).toBe(sample.productShot.id);
    // "Poster" says no role: the panel asks, then sends it with the one chosen.
    expect(state.editInputs.value.unassigned).toEqual(['Poster']);
    actions.precision.setReferenceRole(sample.poster.id, 'style');
    expect(state.editInputs.value.references.map((r) => r.nodeId)).toEqual([sample.poster.id]);
    expect(state.editInputs.value.keepText).toBe(false); // the product shot has no text
  });

  it('refuses more images than the model takes, before sending anything', async () => {
    const session = await openPanelAsync((s) => {
      const extra = [0, 1].map(() => s.productShot.clone());
      return [s.poster, s.productShot, ...extra];
    });
    const { state, actions } = session;
    state.modelId.value = 'gemini-2.5-flash-image'; // at most 3 images
    const calls = harness.proxy.calls.length;
    state.prompt.value = 'warmer light';
    await actions.generateAsync();
    expect(state.error.value).toMatchObject({ code: 'too_many_images' });
    expect(state.error.value?.message).toBe(
      'Nano Banana (2.5 Flash Image) takes at most 3 images; this edit has 4 (the frame and 3 references). ' +
        'Remove 1 reference, or pick a model that takes more.',
    );
    expect(harness.proxy.calls.length).toBe(calls);
    expect(state.canGenerate.value).toBe(false);
  });
});

describe('a pinned subject', { timeout: 60_000 }, () => {
  it('goes with every turn of the session, and each turn’s record says so', async () => {
    const session = await openPanelAsync((s) => [s.poster, s.productShot]);
    const { state, actions, double, sample } = session;
    actions.precision.pinSubject(sample.productShot.id, 'Product shot');
    answerAtRequestedSize();
    double.userSelect([sample.poster]);
    await until(() => state.selectionCount.value === 1);
    expect(state.editInputs.value.references).toEqual([
      { nodeId: sample.productShot.id, name: 'Product shot', role: 'subject', pinned: true },
    ]);
    const t1 = await generateResultAsync(session, 'warmer light');
    const t2 = await generateResultAsync(session, 'navy jacket');
    const requests = harness.proxy.calls.filter((c) => c.path === '/v1/generate').slice(-2);
    for (const request of requests) expect(request.body!.images!.map((i) => i.role)).toEqual(['subject', 'base']);
    for (const record of [turnRecordOn(session, t1.nodeId), turnRecordOn(session, t2.nodeId)]) {
      expect(record.inputs.find((i) => i.role === 'subject')?.nodeId).toBe(sample.productShot.id);
    }
    // Unpinned, it still goes along as a reference the chain used (core/conversation-context.ts), once.
    actions.precision.unpinSubject();
    await generateResultAsync(session, 'remove the logo');
    expect(lastRequest().images!.map((i) => i.role)).toEqual(['subject', 'base']);
  });

  it('says clearly when the pinned layer has gone', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    const { state, actions, sample } = session;
    actions.precision.pinSubject(sample.productShot.id, 'Product shot');
    sample.productShot.remove();
    state.prompt.value = 'warmer light';
    await actions.generateAsync();
    expect(state.error.value).toEqual({
      code: 'stale_node',
      message: 'The pinned subject “Product shot” is no longer on this page. Unpin it, or pin another layer.',
    });
  });
});

describe('style presets', () => {
  it('put their template in the prompt and send it as the instruction', async () => {
    const session = await openPanelAsync((s) => [s.productShot]);
    const { state, actions } = session;
    actions.precision.applyStylePreset('watercolour');
    expect(state.prompt.value).toBe(STYLE_PRESETS.find((p) => p.id === 'watercolour')!.prompt);
    answerAtRequestedSize();
    await generateResultAsync(session, state.prompt.value);
    expect(lastRequest().prompt).toBe(state.prompt.value);
  });
});

describe('frame-native ratio and size', { timeout: 90_000 }, () => {
  it.each([
    [2, '2K', [1843, 2304]],
    [3, '4K', [3240, 4050]],
  ] as const)(
    'a 1080 × 1350 frame exported at %i× asks for %s, fitted without going past 4096',
    async (scale, size, fitted) => {
      const session = await openPanelAsync();
      const { state, double } = session;
      const frame = double.figma.createFrame();
      frame.name = 'Feed post';
      frame.resize(1080, 1350);
      frame.x = 3000;
      frame.exportSettings = [{ format: 'PNG', constraint: { type: 'SCALE', value: scale } }];
      double.userSelect([frame]);
      await until(() => state.target.value?.id === frame.id);
      expect(state.plan.value).toMatchObject({
        ok: true,
        value: { aspectRatio: '4:5', imageSize: size, exportScale: scale },
      });
      answerAtRequestedSize();
      const result = await generateResultAsync(session, 'a beach at dawn');
      expect(lastRequest()).toMatchObject({ aspectRatio: '4:5', imageSize: size });
      const layer = (await double.figma.getNodeByIdAsync(result.nodeId)) as FrameNode;
      const image = double.figma.getImageByHash((layer.fills as ImagePaint[])[0]!.imageHash!)!;
      expect(await image.getSizeAsync()).toEqual({ width: fitted[0], height: fitted[1] });
      expect([layer.width, layer.height]).toEqual([1080, 1350]);
    },
  );
});

describe('Keep text editable', () => {
  it('is on for a frame with text: the image is made without it, and the result keeps it live', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    const { state, double, sample } = session;
    expect(state.editInputs.value.keepText).toBe(true);
    const before = await sample.poster.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }));
    answerAtRequestedSize();
    const result = await generateResultAsync(session, 'a beach at dawn');
    const base = decodePng(base64ToBytes(lastRequest().images![0]!.data));
    // No white headline letters in the base sent: the text was hidden on a temporary copy.
    let white = 0;
    for (let y = Math.round(445 * 1.7); y < Math.round(500 * 1.7); y++) {
      for (let x = 80; x < 500; x++) {
        const i = (y * base.width + x) * 4;
        if (base.data[i]! > 240 && base.data[i + 1]! > 240 && base.data[i + 2]! > 240) white++;
      }
    }
    expect(white).toBe(0);
    const layer = (await double.figma.getNodeByIdAsync(result.nodeId)) as FrameNode;
    expect(layer.children.map((c) => c.type)).toEqual(['TEXT', 'TEXT', 'TEXT']);
    expect(await sample.poster.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }))).toEqual(before);
  });

  it('off: the text is part of the picture and the result is one image', async () => {
    const session = await openPanelAsync((s) => [s.poster]);
    const { actions, double } = session;
    actions.precision.setKeepText(false);
    answerAtRequestedSize();
    const result = await generateResultAsync(session, 'a beach at dawn');
    const layer = (await double.figma.getNodeByIdAsync(result.nodeId)) as FrameNode;
    expect(layer.children).toEqual([]);
  });
});

describe('a regional edit from the panel', { timeout: 90_000 }, () => {
  it('sends the crop (and the scene), composites the answer through the shape, and records the region', async () => {
    const session = await openPanelAsync();
    const { state, double, sample } = session;
    const ellipse = double.figma.createEllipse();
    ellipse.resize(160, 100);
    ellipse.x = sample.productShot.x + 300;
    ellipse.y = 380;
    ellipse.rotation = -20;
    double.userSelect([sample.productShot, ellipse]);
    await until(() => state.editInputs.value.region?.id === ellipse.id);
    answerAtRequestedSize();
    const before = double.describeNodes();
    const result = await generateResultAsync(session, 'a red armchair');

    const sent = lastRequest();
    expect(sent.images!.map((i) => i.role)).toEqual(['scene', 'base']);
    expect(sent.prompt).toMatch(
      /^The first image shows the whole frame for context only; do not draw it\. Edit the second image; the others are references\.\n\nUsing the second image, change only the area in the centre of the image, about \d+% of its width and \d+% of its height: a red armchair\. Keep everything else/,
    );
    const crop = readImageHeader(base64ToBytes(sent.images![1]!.data))!;
    expect(crop.width / crop.height).toBeCloseTo(eval(sent.aspectRatio!.replace(':', '/')) as number, 1);

    const record = turnRecordOn(session, result.nodeId);
    expect(record.region).toMatchObject({ nodeId: ellipse.id });
    expect(record.region!.x).toBeGreaterThan(250);
    expect(record.inputs.map((i) => i.role)).toEqual(['scene', 'base']);
    expect(record.params.aspectRatio).toBe(sent.aspectRatio);

    // Byte for byte outside the shape, on the grid of the product shot at its export scale (2×).
    const layer = (await double.figma.getNodeByIdAsync(result.nodeId)) as FrameNode;
    const resultPixels = decodePng(await layer.exportAsync(pngExportSettings({ type: 'SCALE', value: 2 })));
    const source = decodePng(await sample.productShot.exportAsync(pngExportSettings({ type: 'SCALE', value: 2 })));
    const maskFrame = double.figma.createFrame();
    maskFrame.resize(600, 600);
    maskFrame.x = sample.productShot.x;
    maskFrame.fills = [];
    const stand = ellipse.clone();
    maskFrame.appendChild(stand);
    stand.relativeTransform = [
      [ellipse.absoluteTransform[0][0], ellipse.absoluteTransform[0][1], ellipse.absoluteTransform[0][2] - maskFrame.x],
      [ellipse.absoluteTransform[1][0], ellipse.absoluteTransform[1][1], ellipse.absoluteTransform[1][2]],
    ];
    const mask = alignShapeMask(
      decodePng(await maskFrame.exportAsync(pngExportSettings({ type: 'SCALE', value: 2 }))),
      { x: 0, y: 0 },
      1200,
      1200,
    );
    maskFrame.remove();
    let outside = 0;
    let changedInside = 0;
    for (let p = 0; p < mask.alpha.length; p++) {
      const i = p * 4;
      const same = [0, 1, 2, 3].every((k) => resultPixels.data[i + k] === source.data[i + k]);
      if (mask.alpha[p] === 0) {
        outside++;
        expect(same).toBe(true);
      } else if (mask.alpha[p] === 255 && !same) changedInside++;
    }
    expect(outside).toBeGreaterThan(1_000_000);
    expect(changedInside).toBeGreaterThan(10_000);
    // The shape and the product shot are the person's: unchanged. Only the result was added.
    const after = double.describeNodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(after.filter((n) => !before.some((b) => b.id === n.id)).map((n) => n.id)).toEqual([result.nodeId]);
  });

  it('refuses a second shape over the frame', async () => {
    const session = await openPanelAsync();
    const { state, actions, double, sample } = session;
    const a = double.figma.createEllipse();
    const b = double.figma.createRectangle();
    for (const shape of [a, b]) {
      shape.x = sample.productShot.x + 100;
      shape.y = 100;
    }
    double.userSelect([sample.productShot, a, b]);
    await until(() => state.selectionCount.value === 3);
    state.prompt.value = 'snow';
    await actions.generateAsync();
    expect(state.error.value?.message).toBe(
      '2 shapes are over “Product shot”. Select one shape to mark the part to change, or none to edit it all.',
    );
  });
});
