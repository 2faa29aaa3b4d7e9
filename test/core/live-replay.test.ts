import { describe, expect, it } from 'vitest';
import {
  contentsInputTokens,
  hasRequiredSignatures,
  MAX_REPLAY_TURNS,
  replayContents,
  replayDecision,
  type LiveTurn,
  type ReplayPart,
  type ReplayRequest,
} from '../../core/live-replay.js';

const png = { mimeType: 'image/png', data: 'iVBORw0KGgo=' };
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
