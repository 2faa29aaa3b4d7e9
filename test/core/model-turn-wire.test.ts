import { describe, expect, it } from 'vitest';
import { packModelTurn, unpackModelTurn, withFullModelTurn } from '../../core/model-turn-wire.js';
import type { GenerateResponse, ModelTurn } from '../../core/proxy-schema.js';

const IMAGE = 'aW1hZ2U=';
const THOUGHT = 'dGhvdWdodA==';
const turn = (parts: ModelTurn['parts']): ModelTurn => ({ role: 'model', parts });
const png = (data: string, more: object = {}) => ({ inlineData: { mimeType: 'image/png' as const, data }, ...more });

describe('packModelTurn', () => {
  it.each([
    ['the one image part', [png(IMAGE, { thoughtSignature: 'c2ln' })], [png('', { thoughtSignature: 'c2ln' })]],
    [
      'the final image after thought images, text kept',
      [png(THOUGHT, { thought: true }), { text: 'here', thoughtSignature: 'c2ln' }, png(IMAGE)],
      [png(THOUGHT, { thought: true }), { text: 'here', thoughtSignature: 'c2ln' }, png('')],
    ],
    ['only the last of two parts with the same image', [png(IMAGE), png(IMAGE)], [png(IMAGE), png('')]],
  ])('empties %s', (_name, parts, packed) => {
    expect(packModelTurn(turn(parts), IMAGE)).toEqual(turn(packed));
  });

  it.each([
    ['no part is the image', [png(THOUGHT)]],
    ['the image is only a thought', [png(IMAGE, { thought: true })]],
    ['a part is already empty', [png(''), png(IMAGE)]],
  ])('gives nothing to send when %s', (_name, parts) => {
    expect(packModelTurn(turn(parts), IMAGE)).toBeNull();
  });
});

describe('unpackModelTurn', () => {
  it('restores exactly what was packed', () => {
    const original = turn([png(THOUGHT, { thought: true }), png(IMAGE, { thoughtSignature: 'c2ln' })]);
    expect(unpackModelTurn(packModelTurn(original, IMAGE)!, IMAGE)).toEqual(original);
  });

  it('refuses a turn that is not replayable once whole (the image is not base64)', () => {
    expect(unpackModelTurn(turn([png('')]), 'not base64!')).toBeNull();
  });

  it('drops modelTurn from an answer it cannot make whole, and keeps the rest', () => {
    const answer: GenerateResponse = {
      image: { data: 'not base64!', mimeType: 'image/png', width: 1, height: 1 },
      model: 'gemini-3.1-flash-image',
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0 },
      cached: false,
      modelTurn: turn([png('')]),
    };
    const { modelTurn: _dropped, ...rest } = answer;
    expect(withFullModelTurn(answer)).toEqual(rest);
  });
});
