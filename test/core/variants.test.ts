import { describe, expect, it } from 'vitest';
import { componentSetLayout, componentSetSpot } from '../../core/component-set-layout.js';
import { planComponentSet, variantValue } from '../../core/component-set-plan.js';
import { appError } from '../../core/errors.js';
import {
  buildTurnRecord,
  parseTurnRecord,
  serializeTurnRecord,
  turnDraftSchema,
  type TurnDraft,
} from '../../core/turn-record.js';
import { overlapsWithGap, variantSpots } from '../../core/variant-layout.js';
import { summarizeVariants, type VariantOutcome } from '../../core/variant-summary.js';

const source = { x: 0, y: 0, width: 100, height: 80 };
const size = { width: 100, height: 80 };

describe('variantSpots', () => {
  it.each<[string, number, { x: number; y: number; width: number; height: number }[], { x: number; y: number }[]]>([
    ['one beside a free source', 1, [], [{ x: 140, y: 0 }]],
    ['four in a row beside it', 4, [], [0, 1, 2, 3].map((i) => ({ x: 140 + i * 140, y: 0 }))],
    [
      'a layer far to the right does not block',
      3,
      [{ x: 1000, y: 0, width: 50, height: 50 }],
      [0, 1, 2].map((i) => ({ x: 140 + i * 140, y: 0 })),
    ],
    [
      'a layer above the row does not block',
      2,
      [{ x: 200, y: -300, width: 50, height: 50 }],
      [0, 1].map((i) => ({ x: 140 + i * 140, y: 0 })),
    ],
    // A layer in the way of the third spot sends the whole row below the source.
    [
      'a layer in the row sends it below',
      3,
      [{ x: 450, y: 10, width: 50, height: 50 }],
      [0, 1, 2].map((i) => ({ x: i * 140, y: 120 })),
    ],
    [
      'below, past whatever is already there',
      2,
      [
        { x: 300, y: 0, width: 10, height: 10 },
        { x: 0, y: 150, width: 300, height: 100 },
      ],
      [0, 1].map((i) => ({ x: i * 140, y: 290 })),
    ],
  ])('%s', (_name, count, obstacles, expected) => {
    expect(variantSpots(count, size, source, obstacles)).toEqual(expected);
  });

  it('centres a text-to-image row on the view, below anything it would cover', () => {
    expect(variantSpots(2, size, null, [], { x: 500, y: 500 })).toEqual([
      { x: 380, y: 460 },
      { x: 520, y: 460 },
    ]);
    const blocked = variantSpots(2, size, null, [{ x: 400, y: 450, width: 100, height: 100 }], { x: 500, y: 500 });
    expect(blocked[0]!.y).toBe(590);
  });

  it('never overlaps an obstacle or another variant', () => {
    const obstacles = [
      { x: 150, y: 0, width: 60, height: 60 },
      { x: -50, y: 130, width: 700, height: 40 },
      { x: 90, y: 200, width: 30, height: 300 },
    ];
    for (let count = 1; count <= 8; count++) {
      const spots = variantSpots(count, size, source, obstacles).map((p) => ({ ...p, ...size }));
      for (const [i, a] of spots.entries()) {
        for (const o of [source, ...obstacles]) expect(overlapsWithGap(a, o, 1)).toBe(false);
        for (const b of spots.slice(i + 1)) expect(overlapsWithGap(a, b, 1)).toBe(false);
      }
    }
  });

  it.each([0, 9, 2.5])('refuses %s variants', (n) => {
    expect(() => variantSpots(n, size, source, [])).toThrow(RangeError);
  });
});

describe('summarizeVariants', () => {
  const ok: VariantOutcome = { ok: true };
  const blocked: VariantOutcome = { ok: false, error: appError('safety_blocked') };
  const noImage: VariantOutcome = { ok: false, error: appError('no_image_returned') };
  const odd: VariantOutcome = { ok: false, error: appError('upstream_error') };
  it.each<[string, VariantOutcome[], string]>([
    ['running', [ok, ok, null, null], '2 of 4 done…'],
    ['all done', [ok, ok, ok, ok], 'All 4 done'],
    ['one blocked', [ok, blocked, ok, ok], '3 of 4 done; 1 was blocked by safety filters'],
    [
      'two blocked, one empty',
      [blocked, noImage, blocked, ok],
      '1 of 4 done; 2 were blocked by safety filters, 1 came back without an image',
    ],
    ['a failure while others run', [blocked, null, null], '0 of 3 done; 1 was blocked by safety filters…'],
    ['an unlisted failure', [ok, odd], '1 of 2 done; 1 failed'],
    ['a single result', [ok], 'Done'],
    ['a single failure says what happened', [blocked], appError('safety_blocked').message],
  ])('%s → %s', (_name, outcomes, text) => {
    expect(summarizeVariants(outcomes)).toBe(text);
  });
});

describe('planComponentSet', () => {
  it('numbers variants of one prompt', () => {
    expect(
      planComponentSet(
        'Poster',
        [0, 1, 2].map((variant) => ({ prompt: 'warmer light', variant })),
      ),
    ).toEqual({
      setName: 'Poster — warmer light',
      componentNames: ['Variant=1', 'Variant=2', 'Variant=3'],
      properties: { Variant: ['1', '2', '3'] },
    });
  });

  it('adds a Prompt property when the variants came from different prompts', () => {
    const plan = planComponentSet('Poster', [
      { prompt: 'warmer light', variant: 0 },
      { prompt: 'navy jacket', variant: 0 },
      { prompt: 'warmer light', variant: 1 },
    ]);
    expect(plan.componentNames).toEqual([
      'Prompt=warmer light, Variant=1',
      'Prompt=navy jacket, Variant=1',
      'Prompt=warmer light, Variant=2',
    ]);
    expect(plan.properties).toEqual({ Prompt: ['warmer light', 'navy jacket'], Variant: ['1', '2'] });
    expect(plan.setName).toBe('Poster — variants');
    expect(new Set(plan.componentNames).size).toBe(3);
  });

  it.each([
    ['commas, equals signs and lines', 'red, blue = purple\nnow', 'red blue purple now'],
    ['long prompts', 'a'.repeat(60), `${'a'.repeat(39)}…`],
    ['nothing', '  ', 'Untitled'],
  ])('keeps %s out of the variant syntax', (_name, text, value) => {
    expect(variantValue(text)).toBe(value);
  });

  it('names a text-to-image set without a source', () => {
    expect(planComponentSet(null, [{ prompt: 'a red bicycle', variant: 0 }]).setName).toBe('Banana — a red bicycle');
    expect(() => planComponentSet('x', [])).toThrow(RangeError);
  });
});

describe('componentSetLayout', () => {
  it('puts the variants in one row, top-aligned, 20 apart and 20 in from the edge', () => {
    expect(
      componentSetLayout([
        { width: 540, height: 675 },
        { width: 540, height: 675 },
        { width: 300, height: 700 },
      ]),
    ).toEqual({
      width: 20 + 540 + 20 + 540 + 20 + 300 + 20,
      height: 700 + 40,
      offsets: [
        { x: 20, y: 20 },
        { x: 580, y: 20 },
        { x: 1140, y: 20 },
      ],
    });
    expect(() => componentSetLayout([])).toThrow(RangeError);
  });
});

describe('componentSetSpot', () => {
  const variant = (x: number, y = 715) => ({ x, y, width: 540, height: 675 });
  const poster = { x: 0, y: 0, width: 540, height: 675 };
  const setOfTwo = { width: 1140, height: 715 };
  it.each<[string, ReturnType<typeof variant>[], { x: number; y: number; width: number; height: number }[], number[]]>([
    // Variants 1 and 2 of a row of 4: the set fits where they were, 20 clear of the Poster above and variant 3.
    ['two neighbours keep their place', [variant(0), variant(580)], [poster, variant(1160), variant(1740)], [-20, 695]],
    // Variants 1 and 3: variant 2 stays between them, so the set goes below the row.
    ['a gap with a layer in it sends the set below', [variant(0), variant(1160)], [poster, variant(580)], [-20, 1430]],
    ['nothing around it', [variant(100, 100), variant(680, 100)], [], [80, 80]],
  ])('%s', (_name, variants, obstacles, [x, y]) => {
    expect(componentSetSpot(variants, setOfTwo, obstacles)).toEqual({ x, y });
  });

  it('never covers a layer that stays', () => {
    const obstacles = [poster, variant(580), { x: -200, y: 1450, width: 3000, height: 50 }];
    const spot = componentSetSpot([variant(0), variant(1160)], setOfTwo, obstacles);
    for (const o of obstacles) expect(overlapsWithGap({ ...spot, ...setOfTwo }, o, 20)).toBe(false);
    expect(() => componentSetSpot([], setOfTwo, [])).toThrow(RangeError);
  });
});

describe('the variant in a turn record', () => {
  const draft: TurnDraft = {
    prompt: 'warmer light',
    model: 'gemini-3.1-flash-image',
    params: { aspectRatio: '4:5', imageSize: '1K' },
    inputs: [],
    variant: { index: 2, count: 4, batch: 'b1' },
    usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, costUsd: 0.01 },
  };
  const placement = {
    id: 't1',
    parent: null,
    sourceNodeId: null,
    originNodeId: '5:1',
    author: null,
    createdAt: '2026-01-02T03:04:05.000Z',
  };
  it('is written and read back', () => {
    const record = buildTurnRecord(draft, placement);
    expect(record.variant).toEqual({ index: 2, count: 4, batch: 'b1' });
    const text = serializeTurnRecord(record);
    expect(text.ok && parseTurnRecord(text.value)).toEqual({ ok: true, value: record });
  });

  it('is left out for a single result', () => {
    const { variant: _unused, ...single } = draft;
    expect('variant' in buildTurnRecord(single, placement)).toBe(false);
  });

  it.each([
    ['an index past the count', { index: 4, count: 4, batch: 'b' }],
    ['nine variants', { index: 0, count: 9, batch: 'b' }],
    ['a negative index', { index: -1, count: 2, batch: 'b' }],
    ['no batch', { index: 0, count: 2, batch: '' }],
  ])('refuses %s', (_name, variant) => {
    expect(turnDraftSchema.safeParse({ ...draft, variant }).success).toBe(false);
  });

  it('keeps where a record came from when its layer became a component', () => {
    const record = { ...buildTurnRecord(draft, placement), originNodeId: '9:2', convertedFromNodeId: '5:1' };
    const text = serializeTurnRecord(record);
    expect(text.ok && parseTurnRecord(text.value)).toEqual({ ok: true, value: record });
  });
});
