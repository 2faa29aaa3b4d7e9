import { describe, expect, it } from 'vitest';
import { planRegionCrop } from '../../core/region-crop.js';
import { statelessPlanOf, planTurn, turnKindOf, type TurnPlan } from '../../core/turn-plan.js';
import { bottle, chain, FLASH, inputFor, logo, model, OLD, patch, poster, result } from './turn-plan-cases.js';

/** The plan's images as `source:role:nodeId`, in send order. */
const images = (plan: TurnPlan): string[] => plan.images.map((i) => `${i.source}:${i.role}:${i.nodeId}`);

describe('planTurn: the kind of turn and what it sends', () => {
  it.each<[string, () => TurnPlan, Partial<TurnPlan>, string[]]>([
    [
      'nothing selected: text-to-image with the picked ratio, live on a model that signs its turns',
      () => planTurn(inputFor([])),
      { kind: 'text-to-image', aspectRatio: '16:9', live: true, replay: null, instruction: 'a red armchair' },
      [],
    ],
    [
      'text-to-image as variants: never live',
      () => planTurn(inputFor([], { live: false })),
      { kind: 'text-to-image', live: false },
      [],
    ],
    [
      'text-to-image on a model that does not sign its turns: not live',
      () => planTurn(inputFor([], { model: OLD })),
      { kind: 'text-to-image', live: false, aspectRatio: '16:9' },
      [],
    ],
    [
      'a first edit: the base alone, ratio and size from the frame, its text as context',
      () => planTurn(inputFor([poster])),
      { kind: 'edit', aspectRatio: '4:5', imageSize: '1K', earlier: [], statelessReason: 'the layer carries no turn' },
      ['base:base:1:2'],
    ],
    [
      'an edit with references: selected references, then the base last',
      () => planTurn(inputFor([poster, bottle])),
      { kind: 'edit' },
      ['reference:style:2:1', 'base:base:1:2'],
    ],
    [
      'continuing a result stateless: the chain’s references carried first, its prompts summarised',
      () => planTurn(inputFor([result, bottle], { chain, live: false })),
      { kind: 'edit', earlier: ['prompt t1', 'prompt t2'], replay: null, live: false },
      ['carried:style:2:2', 'reference:style:2:1', 'base:base:5:2'],
    ],
    [
      'a reference selected now is not carried again',
      () => planTurn(inputFor([result, logo], { chain, live: false })),
      { kind: 'edit' },
      ['reference:style:2:2', 'base:base:5:2'],
    ],
    [
      'continuing a live result on its model: the session replayed, only the new references sent',
      () => planTurn(inputFor([result, bottle], { chain })),
      { kind: 'edit', live: true, statelessReason: null, earlier: [] },
      ['reference:style:2:1'],
    ],
    [
      'a regional edit: references, the scene for a small region, the crop last; never live',
      () => planTurn(inputFor([poster, patch, bottle])),
      { kind: 'regional-edit', live: false, replay: null },
      ['reference:style:2:1', 'scene:scene:1:2', 'crop:base:1:2'],
    ],
  ])('%s', (_name, make, expected, sent) => {
    const plan = make();
    expect(plan).toMatchObject(expected);
    expect(images(plan)).toEqual(sent);
  });

  it.each<[string, Parameters<typeof inputFor>, string]>([
    ['another model', [[result], { chain, model: 'gemini-3-pro-image' }], 'not gemini-3-pro-image'],
    ['a layer whose image was replaced', [[{ ...result, imageHash: 'ffff' }], { chain }], 'changed'],
    ['text baked into the pixels sent', [[{ ...result, hasText: true }], { chain, keepText: false }], 'changed'],
    ['a layer that carries no turn', [[result], {}], 'carries no turn'],
    ['a model that does not sign its turns', [[result], { chain, model: OLD }], 'does not sign'],
    ['the stateless retry', [[result], { chain, replay: false }], 'not a live turn'],
  ])('stateless for %s, and says why', (_name, args, reason) => {
    const plan = planTurn(inputFor(...args));
    expect(plan.replay).toBeNull();
    expect(plan.statelessReason).toContain(reason);
    expect(plan.images.at(-1)).toMatchObject({ source: 'base', nodeId: result.id });
  });

  it('replays the session’s path, ending with the turn being continued', () => {
    const plan = planTurn(inputFor([result], { chain }));
    expect(plan.replay?.path.map((t) => t.turnId)).toEqual(['t2']);
    expect(plan.replay?.ask).toMatchObject({ baseTurnId: 't2', model: FLASH, baseUnchanged: true, newImages: 0 });
  });

  it('plans the same turn again stateless, still live, after a refused replay', () => {
    const replayed = planTurn(inputFor([result, bottle], { chain }));
    const again = statelessPlanOf(replayed);
    expect(again).toMatchObject({ kind: 'edit', replay: null, live: true, earlier: ['prompt t1', 'prompt t2'] });
    expect(images(again)).toEqual(['carried:style:2:2', 'reference:style:2:1', 'base:base:5:2']);
  });

  it('predicts a regional edit’s crop from the boxes, as the mask of the same box measures it', () => {
    const plan = planTurn(inputFor([poster, patch]));
    // 400 × 500 at 2× is 800 × 1000 pixels; the rectangle covers 80…280 × 760…920 of them.
    const measured = planRegionCrop(800, 1000, { x: 80, y: 760, width: 200, height: 160 }, model(FLASH));
    expect(measured.ok && plan.region).toEqual(measured.ok ? measured.value : null);
    expect([plan.aspectRatio, plan.imageSize]).toEqual([plan.region!.aspectRatio, plan.region!.imageSize]);
  });

  it('reads the kind from the selection alone', () => {
    expect([[], [poster], [poster, patch]].map((s) => turnKindOf(inputFor(s).shape))).toEqual([
      'text-to-image',
      'edit',
      'regional-edit',
    ]);
  });
});
