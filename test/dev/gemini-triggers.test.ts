/**
 * Every `[double:…]` trigger through the real `@google/genai` client, and the pure trigger parser.
 * The table of triggers is docs/gemini-double.md.
 */
import { ApiError, GoogleGenAI, type GenerateContentResponse, type Part } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';
import { readImageHeader } from '../../core/image-header.js';
import type { RecordedRequest } from '../../dev/gemini-double/recorded-request.js';
import { parseTriggers } from '../../dev/gemini-double/triggers.js';

const sdk = useGeminiDoubleWithSdk();
const model = 'gemini-3.1-flash-image';

const ask = (contents: string, config: Record<string, unknown> = {}) =>
  sdk.ai.models.generateContent({ model, contents, config: { imageConfig: { imageSize: '512' }, ...config } });

function partsOf(response: GenerateContentResponse): Part[] {
  return response.candidates?.[0]?.content?.parts ?? [];
}

async function apiError(
  promise: Promise<unknown>,
): Promise<{ status: number; body: { error: Record<string, unknown> } }> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return { status: error.status, body: JSON.parse(error.message) };
}

/** The record of the call whose prompt contained `marker`. */
function recordFor(marker: string): RecordedRequest {
  const found = sdk.double.requests.filter((r) => JSON.stringify(r.body).includes(marker)).at(-1);
  if (!found) throw new Error(`no request with ${marker}`);
  return found;
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

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

describe('timing', () => {
  it('[double:slow:300] answers after the delay', async () => {
    const started = performance.now();
    const response = await ask('a slow cat [double:slow:300]');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('[double:slow:5000] stops when the client aborts, and records the abort', async () => {
    const controller = new AbortController();
    const call = ask('an aborted cat [double:slow:5000]', { abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toThrow(/abort/i);
    await eventually(() => recordFor('an aborted cat').aborted);
    expect(recordFor('an aborted cat').status).toBeNull();
  });

  it('[double:hang] never answers; a client timeout ends it', async () => {
    const impatient = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: sdk.double.url, timeout: 200 } });
    await expect(impatient.models.generateContent({ model, contents: 'a hung cat [double:hang]' })).rejects.toThrow(
      /abort/i,
    );
    await eventually(() => recordFor('a hung cat').aborted);
  });
});

describe('shapes of success', () => {
  it('[double:thoughts] sends two unsigned thought images before the signed final one', async () => {
    const response = await ask('a thinking cat [double:thoughts]');
    const parts = partsOf(response);
    const thoughts = parts.filter((p) => p.thought);
    expect(thoughts).toHaveLength(2);
    for (const part of thoughts) {
      expect(part.inlineData?.mimeType).toBe('image/jpeg');
      expect(part.thoughtSignature).toBeUndefined();
    }
    const final = parts.filter((p) => p.inlineData && !p.thought);
    expect(final).toHaveLength(1);
    expect(parts.at(-1)).toBe(final[0]);
    expect(final[0]?.thoughtSignature).toBeDefined();
    const images = [...thoughts, ...final].map((p) => p.inlineData?.data);
    expect(new Set(images).size).toBe(3);
    expect(response.usageMetadata?.candidatesTokensDetails).toContainEqual({ modality: 'IMAGE', tokenCount: 747 });
  });

  it('[double:multi-image] sends two different signed images; the last is the one to take', async () => {
    const plain = await ask('two cats');
    const response = await ask('two cats [double:multi-image]');
    const images = partsOf(response).filter((p) => p.inlineData);
    expect(images).toHaveLength(2);
    expect(images.every((p) => !p.thought && p.thoughtSignature)).toBe(true);
    expect(images[0]?.inlineData?.data).not.toBe(images[1]?.inlineData?.data);
    expect(images[1]?.inlineData?.data).toBe(partsOf(plain).at(-1)?.inlineData?.data);
  });

  it('[double:png] answers image/png from a Gemini 3 model, at the tabled size', async () => {
    const response = await ask('a png cat [double:png]', { imageConfig: { aspectRatio: '4:3', imageSize: '512' } });
    const part = partsOf(response).at(-1);
    expect(part?.inlineData?.mimeType).toBe('image/png');
    expect(readImageHeader(Buffer.from(part?.inlineData?.data ?? '', 'base64'))).toEqual({
      mimeType: 'image/png',
      width: 600,
      height: 448,
    });
    expect(part?.thoughtSignature).toBeDefined();
  });

  it('[double:jpeg] answers image/jpeg from gemini-2.5-flash-image, which answers PNG otherwise', async () => {
    const ask25 = (contents: string) =>
      sdk.ai.models.generateContent({ model: 'gemini-2.5-flash-image', contents, config: {} });
    const [plain, forced] = await Promise.all([ask25('a 2.5 cat'), ask25('a 2.5 cat [double:jpeg]')]);
    const header = (response: GenerateContentResponse) =>
      readImageHeader(Buffer.from(partsOf(response).at(-1)?.inlineData?.data ?? '', 'base64'));
    expect(header(plain)).toEqual({ mimeType: 'image/png', width: 1024, height: 1024 });
    expect(header(forced)).toEqual({ mimeType: 'image/jpeg', width: 1024, height: 1024 });
    expect(partsOf(forced).at(-1)?.inlineData?.mimeType).toBe('image/jpeg');
  });

  it('[double:size:512x2064] answers off the table, as real models sometimes do', async () => {
    const response = await ask('an odd cat [double:size:512x2064]', { imageConfig: { aspectRatio: '1:4' } });
    const data = partsOf(response).at(-1)?.inlineData?.data ?? '';
    expect(readImageHeader(Buffer.from(data, 'base64'))).toMatchObject({ width: 512, height: 2064 });
  });

  it('[double:corrupt-image] sends an image part whose bytes are no image', async () => {
    const response = await ask('a corrupt cat [double:corrupt-image]');
    const part = partsOf(response).at(-1);
    expect(part?.inlineData?.mimeType).toBe('image/jpeg');
    expect(readImageHeader(Buffer.from(part?.inlineData?.data ?? '', 'base64'))).toBeNull();
  });

  it('[double:drop] cuts the connection in the middle of the body', async () => {
    await expect(ask('a dropped cat [double:drop]')).rejects.toThrow();
    expect(recordFor('a dropped cat')).toMatchObject({ dropped: true, aborted: false, status: 200 });
  });
});

describe('streaming', () => {
  it('streams a text chunk, one chunk with the whole image, then a final STOP chunk', async () => {
    const chunks: GenerateContentResponse[] = [];
    for await (const chunk of await sdk.ai.models.generateContentStream({ model, contents: 'a streamed cat' })) {
      chunks.push(chunk);
    }
    expect(chunks).toHaveLength(3);
    expect(partsOf(chunks[0]!).map((p) => p.text)).toEqual(['Here is your image.']);
    expect(partsOf(chunks[1]!)[0]?.inlineData?.mimeType).toBe('image/jpeg');
    expect(chunks[2]?.candidates?.[0]).toEqual({ content: { role: 'model' }, finishReason: 'STOP', index: 0 });
    const responseIds = new Set(chunks.map((c) => c.responseId));
    expect(responseIds.size).toBe(1);
    expect(chunks.every((c) => c.modelVersion === model)).toBe(true);
    const totals = chunks.map((c) => c.usageMetadata?.totalTokenCount ?? 0);
    expect(totals[0]).toBeLessThan(totals[1]!);
    expect(totals[1]).toBe(totals[2]);
    const record = recordFor('a streamed cat');
    expect([record.path, record.search]).toEqual([`/v1/models/${model}:streamGenerateContent`, '?alt=sse']);
  });

  it('[double:stream-error] sends a text chunk, then an error event the SDK throws as ApiError 500', async () => {
    const received: GenerateContentResponse[] = [];
    const consume = async () => {
      for await (const chunk of await sdk.ai.models.generateContentStream({
        model,
        contents: 'x [double:stream-error]',
      })) {
        received.push(chunk);
      }
    };
    const error = await consume().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(received).toHaveLength(1);
    expect(partsOf(received[0]!)[0]?.text).toBe('Here is your image.');
  });

  it('sends errors before a stream as a non-JSON body, which the SDK nests', async () => {
    const error = await apiError(sdk.ai.models.generateContentStream({ model, contents: 'x [double:429]' }));
    expect(error.status).toBe(429);
    expect(error.body.error['status']).toBe('Too Many Requests');
    const inner = JSON.parse(String(error.body.error['message'])) as { error: { status: string } };
    expect(inner.error.status).toBe('RESOURCE_EXHAUSTED');
  });

  it('[double:drop] on a stream cuts the connection after the first chunk', async () => {
    const received: GenerateContentResponse[] = [];
    const consume = async () => {
      for await (const chunk of await sdk.ai.models.generateContentStream({
        model,
        contents: 'a cut stream [double:drop]',
      })) {
        received.push(chunk);
      }
    };
    await expect(consume()).rejects.toThrow();
    expect(received).toHaveLength(1);
    expect(recordFor('a cut stream').dropped).toBe(true);
  });

  it('[double:blocked] on a stream is one chunk with promptFeedback', async () => {
    const chunks: GenerateContentResponse[] = [];
    for await (const chunk of await sdk.ai.models.generateContentStream({ model, contents: 'x [double:blocked]' })) {
      chunks.push(chunk);
    }
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.promptFeedback?.blockReason).toBe('PROHIBITED_CONTENT');
  });
});
