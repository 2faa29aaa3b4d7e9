import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { estimateCostUsd } from '../../core/cost-estimate.js';
import { contentsInputTokens, MAX_REPLAY_CHARS, userContent } from '../../core/live-replay.js';
import { sha1Hex } from '../../core/sha1.js';
import { estimateTurnUsd, turnEstimateInputOf } from '../../core/turn-estimate.js';
import { planTurn, type TurnPlan } from '../../core/turn-plan.js';
import { recordInputsOf, replayRefusal, turnRequest, type SentImage } from '../../core/turn-request.js';
import { bottle, chain, inputFor, logo, OLD, patch, poster, result } from './turn-plan-cases.js';

/** Bytes standing in for every image the plan exports, each of its own size. */
function exportsOf(plan: TurnPlan, size = 30): SentImage[] {
  return plan.images.map((image, i) => ({
    nodeId: image.nodeId,
    role: image.role,
    bytes: new Uint8Array(size + i).fill(i + 1),
  }));
}

const cases: [string, () => TurnPlan][] = [
  ['text-to-image', () => planTurn(inputFor([]))],
  ['text-to-image on a model without a size knob', () => planTurn(inputFor([], { model: OLD }))],
  ['a first edit of a poster with text', () => planTurn(inputFor([poster]))],
  ['an edit with two references', () => planTurn(inputFor([poster, bottle, logo]))],
  ['continuing a result stateless, with a carried reference', () => planTurn(inputFor([result, bottle], { chain }))],
  ['continuing over the model’s image limit', () => planTurn(inputFor([result, bottle], { chain, model: OLD }))],
  ['a live replay', () => planTurn(inputFor([result], { chain }))],
  ['a live replay with a new reference', () => planTurn(inputFor([result, bottle], { chain }))],
  ['a live replay keeping the layer’s text live', () => planTurn(inputFor([{ ...result, hasText: true }], { chain }))],
  ['a regional edit', () => planTurn(inputFor([poster, patch]))],
  ['a regional edit with a reference', () => planTurn(inputFor([poster, patch, bottle]))],
  ['variants of an edit (stateless)', () => planTurn(inputFor([result], { chain, live: false }))],
];

describe('the estimate and the request come from the same plan', () => {
  it.each(cases)('%s: the estimate prices every image, history turn and word the request carries', (_name, make) => {
    const plan = make();
    const { request } = turnRequest(plan, exportsOf(plan));
    const estimated = turnEstimateInputOf(plan);

    // Counted independently, the way the Gemini double bills a call: the history, then the new user content.
    const contents = [...(request.history ?? []), userContent(request.images ?? [], request.prompt)];
    const perImage = plan.model.inputTokensPerImage!;
    const billed = contentsInputTokens(contents, perImage);
    expect(Math.ceil(estimated.promptChars / 4) + estimated.inputImages * perImage).toBe(billed);
    const historyImages = (request.history ?? []).flatMap((c) => c.parts).filter((p) => p.inlineData && !p.thought);
    expect(estimated.inputImages).toBe((request.images?.length ?? 0) + historyImages.length);
    expect(request.history?.length ?? 0).toBe(2 * (plan.replay?.path.length ?? 0));
    expect(estimated.imageSize).toBe(request.imageSize ?? plan.model.defaultImageSize);
    expect(request.aspectRatio).toBe(plan.aspectRatio);
    expect(estimateTurnUsd(plan)).toBe(
      estimateCostUsd(plan.model, estimated.imageSize, estimated.inputImages, estimated.promptChars),
    );
  });

  it('prices a replay’s reference sentences and frame text, which the request sends', () => {
    const plan = planTurn(inputFor([{ ...result, hasText: true, texts: poster.texts! }, bottle], { chain }));
    const { request } = turnRequest(plan, exportsOf(plan));
    expect(request.prompt).toMatch(/^Use the first image only for its style.*Keep editing the image you made last/);
    expect(request.prompt).toContain('Summer Sale');
    // The replayed turn's words ('prompt t2', and the model's 'Here it is'; its thought is not billed) come on top.
    const history = 'prompt t2'.length + 'Here it is'.length;
    expect(turnEstimateInputOf(plan).promptChars).toBe(request.prompt.length + history);
    // What the panel used to price: the words typed, without the sentences and the text that go with them.
    expect(turnEstimateInputOf(plan).promptChars).toBeGreaterThan('a red armchair'.length + history + 200);
  });

  it('a regional edit is priced at its crop’s size with the region instruction', () => {
    const plan = planTurn(inputFor([poster, patch]));
    const { request } = turnRequest(plan, exportsOf(plan));
    expect(request.prompt).toMatch(/Using the second image, change only the area in the centre .*: a red armchair\./);
    expect(request.imageSize).toBe(plan.region!.imageSize);
    expect(turnEstimateInputOf(plan)).toMatchObject({ inputImages: 2, imageSize: plan.region!.imageSize });
  });
});

describe('before anything is typed', () => {
  it.each(cases)('%s: the estimate prices the images alone, and nothing throws', (_name, make) => {
    const plan = planTurn({ ...make().input, instruction: '  ' });
    const estimated = turnEstimateInputOf(plan);
    expect(estimated.inputImages).toBe(turnEstimateInputOf(make()).inputImages);
    expect(estimateTurnUsd(plan)).not.toBeNull();
  });
});

describe('turnRequest', () => {
  it('text-to-image: the prompt alone, no images, and the model’s turn asked for when live', () => {
    const { request } = turnRequest(planTurn(inputFor([])), []);
    expect(request).toEqual({
      model: 'gemini-3.1-flash-image',
      prompt: 'a red armchair',
      aspectRatio: '16:9',
      imageSize: '1K',
      returnModelTurn: true,
    });
  });

  it('an edit: the images in send order, named by their place, the base last', () => {
    const plan = planTurn(inputFor([poster, bottle], { keepText: false }));
    const { request } = turnRequest(plan, exportsOf(plan));
    expect(request.images!.map((i) => i.role)).toEqual(['style', 'base']);
    expect(request.images![1]!.data).toBe(bytesToBase64(new Uint8Array(31).fill(2)));
    expect(request.prompt.split('\n\n').slice(0, 2)).toEqual([
      'Use the first image only for its style (colours, texture, lighting); do not copy its content. Edit the ' +
        'second image; the others are references.',
      'a red armchair',
    ]);
  });

  it('a carried reference that could not be exported is left out, and the prompt says so by place', () => {
    const plan = planTurn(inputFor([result, bottle], { chain, live: false }));
    const exported = exportsOf(plan).filter((image) => image.nodeId !== logo.id);
    const { request, images } = turnRequest(plan, exported);
    expect(images.map((i) => i.nodeId)).toEqual([bottle.id, result.id]);
    expect(request.prompt).toMatch(/^Use the first image only for its style.*Edit the second image/);
    expect(request.prompt).toContain('1. prompt t1; 2. prompt t2.\nNow: a red armchair');
  });

  it('over the model’s image limit, the oldest carried reference drops and the base stays', () => {
    const plan = planTurn(inputFor([result, bottle], { chain, model: OLD }));
    const built = turnRequest(plan, exportsOf(plan));
    expect(built.images.map((i) => i.nodeId)).toEqual(
      [logo.id, bottle.id, result.id].slice(-plan.model.maxInputImages),
    );
  });

  it('records what was sent by hash; a replay’s base is the model’s own last image', () => {
    const plan = planTurn(inputFor([result, bottle], { chain }));
    const exported = exportsOf(plan);
    const inputs = recordInputsOf(plan, turnRequest(plan, exported).images);
    expect(inputs).toEqual([
      { nodeId: bottle.id, role: 'style', hash: sha1Hex(exported[0]!.bytes) },
      { nodeId: result.id, role: 'base', hash: sha1Hex(base64ToBytes('iVBORw0KGgo=')) },
    ]);
  });

  it('a replay that has grown too large once its references are exported must go stateless', () => {
    const plan = planTurn(inputFor([result, bottle], { chain }));
    expect(replayRefusal(plan, turnRequest(plan, exportsOf(plan)).request)).toBeNull();
    const huge = turnRequest(plan, exportsOf(plan, (MAX_REPLAY_CHARS / 4) * 3 + 3)).request;
    expect(replayRefusal(plan, huge)).toMatch(/too large/);
    expect(replayRefusal(planTurn(inputFor([result], { chain, live: false })), huge)).toBeNull();
  });
});
