import { describe, expect, it } from 'vitest';
import {
  contentsChars,
  contentsInputTokens,
  forgetTurns,
  hasRequiredSignatures,
  MAX_REPLAY_CHARS,
  MAX_REPLAY_TURNS,
  MAX_SESSION_TURNS,
  rememberTurn,
  replayContents,
  replayDecision,
  replayHistory,
  replayPrompt,
  userContent,
  type LiveTurn,
  type ReplayPart,
  type ReplayRequest,
} from '../../core/live-replay.js';
import { historySchema, modelTurnSchema } from '../../core/proxy-schema.js';

const png = { mimeType: 'image/png' as const, data: 'iVBORw0KGgo=' };
const signed = (n: number): ReplayPart[] => [
  { text: 'Here is the edited image.', thoughtSignature: `sig-text-${n}` },
  { inlineData: png, thoughtSignature: `sig-image-${n}` },
];
const live = (
  turnId: string,
  parentTurnId: string | null,
  model = 'gemini-3.1-flash-image',
  parts = signed(1),
): LiveTurn => ({
  turnId,
  parentTurnId,
  model,
  user: { role: 'user', parts: [{ inlineData: png }, { text: `prompt ${turnId}` }] },
  modelTurn: { role: 'model', parts },
});
const session = [live('t1', null), live('t2', 't1', undefined, signed(2)), live('t3', 't2', undefined, signed(3))];
const ask = (over: Partial<ReplayRequest> = {}): ReplayRequest => ({
  baseTurnId: 't3',
  model: 'gemini-3.1-flash-image',
  signaturesRequired: true,
  baseUnchanged: true,
  ...over,
});

describe('replayDecision', () => {
  const cases: [string, LiveTurn[], ReplayRequest, string[] | RegExp][] = [
    ['the last turn of the session: its whole chain', session, ask(), ['t1', 't2', 't3']],
    ['an earlier turn (a branch): its chain only', session, ask({ baseTurnId: 't2' }), ['t1', 't2']],
    [
      'a chain that started on a turn from before the session: from the first live one',
      [live('t2', 'old'), live('t3', 't2')],
      ask(),
      ['t2', 't3'],
    ],
    ['a turn from another session or machine', session, ask({ baseTurnId: 'elsewhere' }), /not made in this session/],
    ['another model: never across models', session, ask({ model: 'gemini-3-pro-image' }), /not gemini-3-pro-image/],
    [
      'one turn of the chain by another model',
      [live('t1', null, 'gemini-3-pro-image'), live('t2', 't1')],
      ask({ baseTurnId: 't2' }),
      /made by gemini-3-pro-image/,
    ],
    ['the layer was edited since', session, ask({ baseUnchanged: false }), /changed after/],
    [
      'a model turn without its signatures on Gemini 3',
      [live('t1', null, undefined, [{ inlineData: png }])],
      ask({ baseTurnId: 't1' }),
      /lost its thought signatures/,
    ],
    [
      'no signatures needed (2.5 Flash Image)',
      [live('t1', null, 'gemini-2.5-flash-image', [{ inlineData: png }])],
      ask({ baseTurnId: 't1', model: 'gemini-2.5-flash-image', signaturesRequired: false }),
      ['t1'],
    ],
    ['an empty model turn', [live('t1', null, undefined, [])], ask({ baseTurnId: 't1' }), /empty/],
    [
      'a chain longer than the cap',
      Array.from({ length: MAX_REPLAY_TURNS + 1 }, (_, i) => live(`t${i}`, i === 0 ? null : `t${i - 1}`)),
      ask({ baseTurnId: `t${MAX_REPLAY_TURNS}` }),
      /longer than 6 turns/,
    ],
    ['a looping transcript', [live('a', 'b'), live('b', 'a')], ask({ baseTurnId: 'a' }), /loops/],
    [
      'a turn that went stateless starts the chain again (its user content holds the base image)',
      [live('t1', null), live('t2', 't1'), live('t3', null), live('t4', 't3')],
      ask({ baseTurnId: 't4' }),
      ['t3', 't4'],
    ],
    [
      'within the model’s image limit: 3 replayed user images, 3 of the model’s and 8 new ones',
      session,
      ask({ maxInputImages: 14, newImages: 8 }),
      ['t1', 't2', 't3'],
    ],
    [
      'over the model’s image limit: the model turns’ images count too, as the proxy counts them',
      session,
      ask({ maxInputImages: 14, newImages: 9 }),
      /holds 15 input images; the model takes 14/,
    ],
    [
      'thought images do not count against the limit',
      [
        live('t1', null, undefined, [
          ...signed(1),
          { inlineData: png, thought: true },
          { inlineData: png, thought: true },
        ]),
      ],
      ask({ baseTurnId: 't1', maxInputImages: 3, newImages: 1 }),
      ['t1'],
    ],
    [
      'a model turn with more thought images than the proxy takes',
      [
        live('t1', null, undefined, [
          ...signed(1),
          ...Array.from({ length: 11 }, () => ({ inlineData: png, thought: true })),
        ]),
      ],
      ask({ baseTurnId: 't1' }),
      /holds 11 thought images; at most 10/,
    ],
    ['a call too large to send again', session, ask({ newChars: MAX_REPLAY_CHARS }), /too large to send again/],
  ];
  it.each(cases)('%s', (_name, turns, request, expected) => {
    const decision = replayDecision(turns, request);
    if (Array.isArray(expected)) {
      expect(decision.ok ? decision.path.map((t) => t.turnId) : decision.reason).toEqual(expected);
    } else {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.reason).toMatch(expected);
    }
  });
});

describe('hasRequiredSignatures', () => {
  const cases: [string, ReplayPart[], boolean][] = [
    ['text and image, both signed', signed(1), true],
    ['the image unsigned', [{ text: 'x', thoughtSignature: 's' }, { inlineData: png }], false],
    ['text before the image unsigned', [{ text: 'x' }, { inlineData: png, thoughtSignature: 's' }], false],
    ['text after the image needs none', [{ inlineData: png, thoughtSignature: 's' }, { text: 'x' }], true],
    [
      'an unsigned thought image is fine',
      [
        { inlineData: png, thought: true },
        { inlineData: png, thoughtSignature: 's' },
      ],
      true,
    ],
    [
      'an empty text part carrying the signature',
      [
        { text: '', thoughtSignature: 's' },
        { inlineData: png, thoughtSignature: 't' },
      ],
      true,
    ],
  ];
  it.each(cases)('%s', (_name, parts, expected) => expect(hasRequiredSignatures(parts)).toBe(expected));
});

describe('replayContents', () => {
  it('replays user and model turns in order, model parts untouched, then the new instruction', () => {
    const next = { role: 'user' as const, parts: [{ text: 'remove the logo' }] };
    const contents = replayContents(session, next);
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user', 'model', 'user']);
    // The very same part objects: signatures go back byte for byte.
    contents
      .filter((c) => c.role === 'model')
      .forEach((c, i) => c.parts.forEach((part, j) => expect(part).toBe(session[i]!.modelTurn.parts[j])));
    expect(contents[1]!.parts[1]!.thoughtSignature).toBe('sig-image-1');
    expect(contents.at(-1)).toEqual(next);
  });
});

describe('contentsInputTokens', () => {
  it('counts text at four characters a token and each non-thought image at the model’s rate', () => {
    const contents = replayContents(session.slice(0, 1), { role: 'user', parts: [{ text: 'abcdefgh' }] });
    // Text: "prompt t1" (9) + "Here is the edited image." (25) + "abcdefgh" (8) = 42 → 11; images: 2 × 560.
    expect(contentsInputTokens(contents, 560)).toBe(11 + 1120);
    expect(contentsInputTokens([{ role: 'model', parts: [{ inlineData: png, thought: true }] }], 560)).toBe(0);
  });
});

describe('a session', () => {
  it('remembers turns, a newer answer replacing an older one for the same turn, at most MAX_SESSION_TURNS', () => {
    let turns: LiveTurn[] = [];
    for (let i = 0; i < MAX_SESSION_TURNS + 3; i++) turns = rememberTurn(turns, live(`t${i}`, i ? `t${i - 1}` : null));
    expect(turns.map((t) => t.turnId)).toEqual(Array.from({ length: MAX_SESSION_TURNS }, (_, i) => `t${i + 3}`));
    const redone = rememberTurn(turns, live('t5', null, 'gemini-3-pro-image'));
    expect(redone.filter((t) => t.turnId === 't5').map((t) => t.model)).toEqual(['gemini-3-pro-image']);
    expect(redone.at(-1)!.turnId).toBe('t5');
  });

  it('forgets a refused chain, and a branch that shared it can no longer replay', () => {
    const branched = [...session, live('b2', 't1')];
    const left = forgetTurns(branched, [session[0]!, session[1]!]);
    expect(left.map((t) => t.turnId)).toEqual(['t3', 'b2']);
    // t3 and b2 replayed t2 and t1: without them, their chains start at themselves.
    const decision = replayDecision(left, ask());
    expect(decision.ok ? decision.path.map((t) => t.turnId) : decision.reason).toEqual(['t3']);
  });
});

describe('what a replayed call sends', () => {
  it('the user content is the images in order, then the trimmed prompt: what the proxy builds from the request', () => {
    expect(userContent([png, { ...png, mimeType: 'image/jpeg' }], '  warmer light \n')).toEqual({
      role: 'user',
      parts: [{ inlineData: png }, { inlineData: { ...png, mimeType: 'image/jpeg' } }, { text: 'warmer light' }],
    });
  });

  it.each<[string, Parameters<typeof replayPrompt>[0], string]>([
    ['the instruction alone', { images: [], instruction: ' remove the logo ', text: '' }, 'remove the logo'],
    [
      'one reference, named even though it is the only image (the base is the model’s own)',
      { images: ['style'], instruction: 'make it cosier', text: '' },
      'Use the first image only for its style (colours, texture, lighting); do not copy its content. Keep editing the image you made last; this image is only a reference.\n\nmake it cosier',
    ],
    [
      'two references and the frame’s text',
      { images: ['product', 'style'], instruction: 'hold the bottle', text: 'The headline reads "Sale".' },
      'The first image shows the product: reproduce it faithfully, with its exact shape, colours, materials, label and logo unchanged. Use the second image only for its style (colours, texture, lighting); do not copy its content. Keep editing the image you made last; these images are only a reference.\n\nhold the bottle\n\nThe headline reads "Sale".',
    ],
  ])('prompt: %s', (_name, parts, expected) => {
    expect(replayPrompt(parts)).toBe(expected);
  });

  it('history is the path’s contents, and it passes the proxy’s schema as is', () => {
    const history = replayHistory(session);
    expect(history.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user', 'model']);
    expect(historySchema.safeParse(history).success).toBe(true);
    expect(modelTurnSchema.safeParse(session[0]!.modelTurn).success).toBe(true);
    // Characters on the wire: prompts, images and signatures.
    expect(contentsChars(history)).toBe(
      3 *
        ('prompt t1'.length +
          2 * png.data.length +
          'Here is the edited image.'.length +
          'sig-text-1'.length +
          'sig-image-1'.length),
    );
  });
});
