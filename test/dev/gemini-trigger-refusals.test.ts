/**
 * The pure trigger parser, then every `[double:…]` trigger that refuses a prompt or fails the call, through the real
 * `@google/genai` client. The table of triggers is docs/gemini-double.md.
 */
import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../support/gemini-answers.js';
import { parseTriggers } from '../../dev/gemini-double/triggers.js';
import { apiError, useTriggerDouble } from './gemini-trigger-fixtures.js';

const { sdk, model, ask } = useTriggerDouble();

describe('parseTriggers', () => {
  it.each([
    ['a cat', {}, 'a cat'],
    ['a cat [double:slow:1500]', { delayMs: 1500 }, 'a cat'],
    ['[double:429:5s] a cat', { error: 429, retryDelay: '5s' }, 'a cat'],
    ['a [DOUBLE:Blocked] cat', { blockReason: 'PROHIBITED_CONTENT' }, 'a cat'],
    ['x [double:blocked:safety]', { blockReason: 'SAFETY' }, 'x'],
    ['x [double:flaky-503]', { flaky: { status: 503, times: 1 } }, 'x'],
    ['x [double:flaky-429:3]', { flaky: { status: 429, times: 3 } }, 'x'],
    ['x [double:finish:image_other]', { finishReason: 'IMAGE_OTHER' }, 'x'],
    ['x [double:nth-image-safety:2]', { nth: { call: 2, status: null, finishReason: 'IMAGE_SAFETY' } }, 'x'],
    ['x [double:nth-503:1] [double:vary]', { nth: { call: 1, status: 503, finishReason: null }, vary: true }, 'x'],
    ['x [double:size:512x2064] [double:jpeg]', { size: [512, 2064], format: 'image/jpeg' }, 'x'],
    ['x [double:png]', { format: 'image/png' }, 'x'],
    ['x\n[double:thoughts]\n[double:multi-image]', { thoughts: true, multiImage: true }, 'x'],
    ['x [double:slow] [double:hang]', { delayMs: 1000, hang: true }, 'x'],
    [
      'x [double:nope] [double:slow:abc] [double:429:5]',
      { unknown: ['[double:nope]', '[double:slow:abc]', '[double:429:5]'] },
      'x',
    ],
    ['x [double:constructor]', { unknown: ['[double:constructor]'] }, 'x'],
    [
      'x [double:nth-image-safety] [double:nth-teapot:1] [double:nth-503:0] [double:vary:2]',
      { unknown: ['[double:nth-image-safety]', '[double:nth-teapot:1]', '[double:nth-503:0]', '[double:vary:2]'] },
      'x',
    ],
  ])('%j', (text, expected, seedText) => {
    const parsed = parseTriggers(text);
    expect(parsed.triggers).toMatchObject(expected);
    expect(parsed.seedText).toBe(seedText);
  });

  it('leaves the rest of the prompt alone', () => {
    expect(parseTriggers('  Keep  CASE, spacing. [double:jpeg]').seedText).toBe('  Keep  CASE, spacing.');
  });
});

describe('refusals (HTTP 200)', () => {
  it('[double:blocked] blocks the prompt: promptFeedback and no candidates', async () => {
    const response = await ask('a cat [double:blocked]');
    expect(response.candidates).toBeUndefined();
    expect(response.promptFeedback?.blockReason).toBe('PROHIBITED_CONTENT');
    expect(response.usageMetadata?.promptTokenCount).toBeGreaterThan(0);
    expect(response.usageMetadata?.candidatesTokenCount).toBeUndefined();
  });

  it.each([
    ['[double:image-safety]', 'IMAGE_SAFETY'],
    ['[double:prohibited]', 'PROHIBITED_CONTENT'],
    ['[double:no-image]', 'NO_IMAGE'],
    ['[double:finish:image_recitation]', 'IMAGE_RECITATION'],
  ])('%s ends the candidate with %s and no content', async (trigger, reason) => {
    const response = await ask(`a cat ${trigger}`);
    expect(response.candidates).toEqual([{ finishReason: reason, index: 0 }]);
  });

  it('[double:image-safety] sends the finishMessage (which the SDK drops on the Gemini API)', async () => {
    const raw = await fetch(`${sdk.double.url}/v1/models/${model}:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x [double:image-safety]' }] }] }),
    });
    const body = (await raw.json()) as { candidates: { finishMessage: string }[] };
    expect(body.candidates[0]?.finishMessage).toMatch(
      /^Unable to show the generated image\. .*You will not be charged for blocked images\./,
    );
  });

  it('[double:text-only] answers STOP with a text part only', async () => {
    const response = await ask('a cat [double:text-only]', { responseModalities: ['IMAGE'] });
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(partsOf(response)).toHaveLength(1);
    expect(partsOf(response)[0]?.text).toContain('a cat');
    expect(partsOf(response)[0]?.thoughtSignature).toBeDefined();
  });
});

describe('errors', () => {
  it('[double:429] is RESOURCE_EXHAUSTED with QuotaFailure, Help and RetryInfo 2s', async () => {
    const error = await apiError(ask('a cat [double:429]'));
    expect(error.status).toBe(429);
    expect(error.body.error['status']).toBe('RESOURCE_EXHAUSTED');
    const details = error.body.error['details'] as { '@type': string; retryDelay?: string }[];
    expect(details.map((d) => d['@type'])).toEqual([
      'type.googleapis.com/google.rpc.QuotaFailure',
      'type.googleapis.com/google.rpc.Help',
      'type.googleapis.com/google.rpc.RetryInfo',
    ]);
    expect(details.find((d) => d['@type'].endsWith('RetryInfo'))?.retryDelay).toBe('2s');
  });

  it('[double:429:5s] carries the chosen delay', async () => {
    const error = await apiError(ask('a cat [double:429:5s]'));
    const details = error.body.error['details'] as { retryDelay?: string }[];
    expect(details.at(-1)?.retryDelay).toBe('5s');
  });

  it.each([
    [400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.'],
    [403, 'PERMISSION_DENIED', 'Generative Language API has not been used'],
    [500, 'INTERNAL', 'An internal error has occurred.'],
    [503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'],
    [504, 'DEADLINE_EXCEEDED', 'Deadline expired'],
  ])('[double:%i] is %s', async (code, status, message) => {
    const error = await apiError(ask(`a cat [double:${code}]`));
    expect(error.status).toBe(code);
    expect(error.body.error).toMatchObject({ code, status });
    expect(error.body.error['message']).toContain(message);
  });

  it('[double:flaky-503] fails the first call for a prompt and succeeds on the retry', async () => {
    const prompt = 'a flaky cat [double:flaky-503]';
    const first = await apiError(ask(prompt));
    expect(first.status).toBe(503);
    const second = await ask(prompt);
    expect(second.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('[double:flaky-503] lets the SDK retry on its own', async () => {
    const retrying = new GoogleGenAI({
      apiKey: 'k',
      httpOptions: { baseUrl: sdk.double.url, retryOptions: { attempts: 3, initialDelay: 0.01, jitter: 0 } },
    });
    const response = await retrying.models.generateContent({ model, contents: 'a retried cat [double:flaky-503:2]' });
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    const calls = sdk.double.requests.filter((r) => JSON.stringify(r.body).includes('a retried cat'));
    expect(calls.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('[double:nth-image-safety:2] refuses only the second of four parallel calls with one prompt', async () => {
    const prompt = 'four cats [double:nth-image-safety:2]';
    const answers = await Promise.all([0, 1, 2, 3].map(() => ask(prompt)));
    const reasons = answers.map((r) => r.candidates?.[0]?.finishReason);
    expect(reasons.filter((r) => r === 'IMAGE_SAFETY')).toHaveLength(1);
    expect(reasons.filter((r) => r === 'STOP')).toHaveLength(3);
    // Counted per prompt: a fifth call answers normally.
    expect((await ask(prompt)).candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('[double:nth-503:1] fails the first call with an HTTP error, then answers', async () => {
    const prompt = 'a first-call cat [double:nth-503:1]';
    expect((await apiError(ask(prompt))).status).toBe(503);
    expect((await ask(prompt)).candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('[double:vary] draws a new picture on each call; without it the same request gives the same bytes', async () => {
    const image = (r: GenerateContentResponse) => partsOf(r).find((p) => p.inlineData)?.inlineData?.data;
    const varied = [await ask('a varied cat [double:vary]'), await ask('a varied cat [double:vary]')].map(image);
    expect(varied[0]).not.toBe(varied[1]);
    const same = [await ask('a steady cat'), await ask('a steady cat')].map(image);
    expect(same[0]).toBe(same[1]);
  });

  it('[double:unknown] is refused so typos show', async () => {
    const error = await apiError(ask('a cat [double:sloow:10]'));
    expect(error.status).toBe(400);
    expect(error.body.error['message']).toContain('[double:sloow:10]');
  });
});
