import { describe, expect, it } from 'vitest';
import type { GeminiPart, GeminiProgress, GeminiResponse } from '../../proxy/gemini-port.js';
import { streamedAnswer } from '../../proxy/streamed-answer.js';

const usage = (total: number): GeminiResponse['usage'] => ({
  promptTokens: 8,
  promptImageTokens: null,
  candidatesTokens: total > 8 ? total - 8 : null,
  candidatesImageTokens: null,
  thoughtsTokens: 0,
  totalTokens: total,
});

const chunk = (parts: GeminiPart[], total: number, finishReason?: string): GeminiResponse => ({
  candidates: [{ content: { parts }, ...(finishReason ? { finishReason } : {}) }],
  usage: usage(total),
  modelVersion: 'gemini-3-pro-image',
});

/** The chunks put together, and the progress heard on the way. */
function merge(chunks: GeminiResponse[]): { answer: GeminiResponse; heard: string[] } {
  const heard: string[] = [];
  const onProgress = (p: GeminiProgress): void => {
    heard.push(p.kind === 'draft' ? `draft:${p.image.data}` : p.kind);
  };
  const answer = streamedAnswer(onProgress);
  for (const c of chunks) answer.add(c);
  return { answer: answer.answer(), heard };
}

const image = (data: string, extra: Partial<GeminiPart> = {}): GeminiPart => ({
  inlineData: { mimeType: 'image/jpeg', data },
  ...extra,
});

describe('streamedAnswer', () => {
  it('reports thoughts and drafts as they come, and keeps only the signed final image', () => {
    const { answer, heard } = merge([
      chunk([{ text: '**Plan**', thought: true }], 10),
      chunk([image('d1', { thought: true })], 10),
      chunk([image('d2', { thought: true })], 10),
      chunk([image('final', { thoughtSignature: 'sig' })], 1400),
      chunk([{ text: '' }], 1400, 'STOP'),
    ]);
    expect(heard).toEqual(['thinking', 'draft:d1', 'draft:d2', 'final']);
    expect(answer).toEqual({
      candidates: [{ content: { parts: [image('final', { thoughtSignature: 'sig' })] }, finishReason: 'STOP' }],
      usage: usage(1400),
      modelVersion: 'gemini-3-pro-image',
    });
  });

  it('joins text streamed over several chunks into one part, but keeps a signed part on its own', () => {
    const { answer } = merge([
      chunk([{ text: 'Here is ' }], 9),
      chunk([{ text: 'your image.' }], 10),
      chunk([{ text: '', thoughtSignature: 'text-sig' }], 10),
      chunk([image('final')], 20, 'STOP'),
    ]);
    expect(answer.candidates?.[0]?.content?.parts).toEqual([
      { text: 'Here is your image.' },
      { text: '', thoughtSignature: 'text-sig' },
      image('final'),
    ]);
  });

  it('keeps a signed thought (it must go back on replay) and does not report it as a draft', () => {
    const signedThought = image('t', { thought: true, thoughtSignature: 'keep' });
    const { answer, heard } = merge([chunk([signedThought], 5), chunk([image('final')], 20, 'STOP')]);
    expect(heard).toEqual(['final']);
    expect(answer.candidates?.[0]?.content?.parts).toEqual([signedThought, image('final')]);
  });

  it('passes on a blocked prompt (no candidates) and a refusal (a finish reason, no parts)', () => {
    const blocked = merge([{ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usage: usage(9) }]).answer;
    expect(blocked).toEqual({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usage: usage(9) });
    const refused = merge([chunk([{ text: '**Plan**', thought: true }], 9), chunk([], 9, 'IMAGE_SAFETY')]).answer;
    expect(refused.candidates).toEqual([{ finishReason: 'IMAGE_SAFETY' }]);
  });

  it('keeps the usage of the last chunk that reported any', () => {
    const { answer } = merge([chunk([image('final')], 1400), { ...chunk([], 0, 'STOP'), usage: usage(0) }]);
    expect(answer.usage.totalTokens).toBe(1400);
  });
});
