import { describe, expect, it } from 'vitest';
import { totalsOnly } from '../../core/models.js';
import { createImage, encodePng } from '../../core/png.js';
import type { GeminiPart, GeminiResponse } from '../../proxy/gemini-port.js';
import { ProxyError } from '../../proxy/proxy-error.js';
import { modelTurnOf, readImageAnswer } from '../../proxy/read-image-answer.js';

const pngOf = (w: number, h: number): string =>
  Buffer.from(encodePng(createImage(w, h, [1, 2, 3, 255]))).toString('base64');
const usage = totalsOnly(10, 1300);
const answer = (parts: GeminiPart[], finishReason = 'STOP'): GeminiResponse => ({
  candidates: [{ content: { parts }, finishReason }],
  usage,
});

describe('readImageAnswer', () => {
  it('takes the last image that is not a thought, with its size from the header', () => {
    const result = readImageAnswer(
      answer([
        { inlineData: { data: pngOf(10, 10), mimeType: 'image/png' }, thought: true },
        { text: 'Here you go.', thoughtSignature: 'c2ln' },
        { inlineData: { data: pngOf(20, 10), mimeType: 'image/png' }, thoughtSignature: 'c2ln' },
        { inlineData: { data: pngOf(30, 15), mimeType: 'image/png' }, thoughtSignature: 'c2ln' },
        { inlineData: { data: pngOf(40, 40), mimeType: 'image/png' }, thought: true },
      ]),
    );
    expect(result.image).toMatchObject({ width: 30, height: 15, mimeType: 'image/png' });
    expect(result.text).toBe('Here you go.');
  });

  it('trusts the header, not the declared MIME type', () => {
    const result = readImageAnswer(answer([{ inlineData: { data: pngOf(8, 9), mimeType: 'image/jpeg' } }]));
    expect(result.image).toMatchObject({ mimeType: 'image/png', width: 8, height: 9 });
  });

  it.each<[string, GeminiResponse, string, RegExp]>([
    [
      'a blocked prompt',
      { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usage },
      'safety_blocked',
      /blocked the prompt \(prohibited content\)/,
    ],
    ['an image safety stop', answer([], 'IMAGE_SAFETY'), 'safety_blocked', /image safety\)\. You were not charged/],
    ['a prohibited-content stop', answer([], 'PROHIBITED_CONTENT'), 'safety_blocked', /prohibited content/],
    ['NO_IMAGE', answer([], 'NO_IMAGE'), 'no_image_returned', /could not make an image/],
    [
      'a text-only answer',
      answer([{ text: 'I cannot draw that, but here is a poem.' }]),
      'no_image_returned',
      /It said: "I cannot draw that/,
    ],
    ['an empty answer', { usage }, 'no_image_returned', /empty answer/],
    [
      'only thought images',
      answer([{ inlineData: { data: pngOf(4, 4) }, thought: true }]),
      'no_image_returned',
      /without an image/,
    ],
    [
      'an unreadable image',
      answer([{ inlineData: { data: Buffer.from('not an image').toString('base64'), mimeType: 'image/png' } }]),
      'upstream_error',
      /could not be read/,
    ],
  ])('reports %s as %s', (_name, response, code, message) => {
    let thrown: unknown;
    try {
      readImageAnswer(response);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProxyError);
    expect((thrown as ProxyError).code).toBe(code);
    expect((thrown as ProxyError).message).toMatch(message);
  });
});

describe('modelTurnOf', () => {
  const image = { data: pngOf(4, 4), mimeType: 'image/png' };
  const signed: GeminiPart[] = [
    { inlineData: image, thought: true },
    { text: '', thoughtSignature: 'c2lnLTE=' },
    { inlineData: image, thoughtSignature: 'c2lnLTI=' },
  ];

  it('hands back the very same part objects, thoughts and signatures in place', () => {
    const response = answer(signed);
    const turn = modelTurnOf(response)!;
    expect(turn.role).toBe('model');
    turn.parts.forEach((part, i) => expect(part).toBe(signed[i]));
  });

  it.each<[string, GeminiResponse]>([
    ['no candidate', { usage }],
    ['no parts', answer([])],
    // A part we could not replay as it came (a function call, say): better stateless than altered.
    [
      'a part with a field replay does not carry',
      answer([{ ...signed[2]!, functionCall: { name: 'f' } } as GeminiPart]),
    ],
    [
      'an image type the proxy would not take back',
      answer([{ inlineData: { data: image.data, mimeType: 'image/gif' } }]),
    ],
  ])('is null for %s', (_name, response) => {
    expect(modelTurnOf(response)).toBeNull();
  });
});
