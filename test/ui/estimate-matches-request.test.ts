/**
 * The estimate the panel shows before a press prices what the press then sends: with the real sandbox exporting
 * from the Figma double, the input counted from the request that reached the proxy equals the input the state's
 * turn plan priced (core/turn-estimate.ts), for text-to-image, an edit with a reference, a continued result and a
 * regional edit whose crop was measured on the exported mask.
 */
import { describe, expect, it } from 'vitest';
import type { ImageSize } from '../../core/image-sizes.js';
import { turnEstimateInputOf } from '../../core/turn-estimate.js';
import { requestInputOf } from '../../core/turn-request.js';
import { makePngBytes, type SampleDocument } from '../../dev/figma-double/index.js';
import { generateResultAsync, usePanelHarness } from '../support/panel-harness.js';
import { publicModels } from './fixtures.js';
import { until, type PanelSession } from './panel-session.js';

const harness = usePanelHarness();

/** Answers every generate with a picture at the size the request asked for. */
function answerAtRequestedSize(): void {
  harness.proxy.onGenerate = (request) => {
    const model = publicModels.models.find((m) => m.id === request.model)!;
    const size = (request.imageSize ?? model.defaultImageSize) as ImageSize;
    const [width, height] = model.dimensions[size]![request.aspectRatio ?? '1:1']!;
    const png = makePngBytes(width, height, (x, y) => [x & 255, y & 255, 90, 255]);
    return { status: 200, png, width, height };
  };
}

/** Presses Generate and compares what the estimate priced with what the proxy was sent. */
async function expectEstimateToMatchAsync(session: PanelSession, prompt: string): Promise<void> {
  const { state } = session;
  state.prompt.value = prompt;
  const priced = turnEstimateInputOf(state.turnPlan.value!);
  const estimate = state.estimateUsd.value;
  answerAtRequestedSize();
  await generateResultAsync(session, prompt);
  const sent = harness.proxy.calls.filter((c) => c.path === '/v1/generate').at(-1)!.body!;
  const model = state.model.value!;
  expect({ imageSize: sent.imageSize ?? model.defaultImageSize, ...requestInputOf(sent) }).toEqual(priced);
  expect(estimate).not.toBeNull();
}

describe('the estimate shown before a press prices what it sends', { timeout: 90_000 }, () => {
  it.each<[string, (s: SampleDocument) => SceneNode[]]>([
    ['text-to-image', () => []],
    ['an edit of the poster with the product shot as a reference', (s) => [s.poster, s.productShot]],
  ])('%s', async (_name, select) => {
    const session = await harness.openPanelAsync(select);
    await expectEstimateToMatchAsync(session, 'warmer light');
  });

  it('continuing a result: the chain’s prompts summarised', async () => {
    const session = await harness.openPanelAsync((s) => [s.poster]);
    answerAtRequestedSize();
    await generateResultAsync(session, 'warmer light');
    await until(() => session.state.targetChain.value !== null);
    await expectEstimateToMatchAsync(session, 'navy jacket');
  });

  it('a regional edit: the crop predicted from the boxes is the one measured on the mask', async () => {
    const session = await harness.openPanelAsync();
    const { state, double, sample } = session;
    const rectangle = double.figma.createRectangle();
    rectangle.resize(120, 90);
    rectangle.x = sample.productShot.x + 60;
    rectangle.y = 400;
    double.userSelect([sample.productShot, rectangle]);
    await until(() => state.editInputs.value.region?.id === rectangle.id);
    // Shown from the start, before anything is typed.
    expect(state.prompt.value).toBe('');
    expect(state.estimateUsd.value).toBeGreaterThan(0);
    const predicted = state.turnPlan.value!.region!;
    await expectEstimateToMatchAsync(session, 'a red armchair');
    const sent = harness.proxy.calls.filter((c) => c.path === '/v1/generate').at(-1)!.body!;
    expect(sent.aspectRatio).toBe(predicted.aspectRatio);
    expect(sent.images!.map((i) => i.role)).toEqual(predicted.scene ? ['scene', 'base'] : ['base']);
  });
});
