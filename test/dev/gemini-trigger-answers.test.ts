/**
 * The `[double:…]` triggers that time an answer or shape a successful one, and streaming with and without them,
 * through the real `@google/genai` client. The table of triggers is docs/gemini-double.md.
 */
import { ApiError, GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../support/gemini-answers.js';
import { readImageHeader } from '../../core/image-header.js';
import { apiError, useTriggerDouble } from './gemini-trigger-fixtures.js';

const { sdk, model, ask, recordFor } = useTriggerDouble();

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

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
    // Gemini 3 ends with an empty text part, as the recorded 3 Pro Image stream does (test/contract/recordings).
    expect(chunks[2]?.candidates?.[0]).toEqual({
      content: { parts: [{ text: '' }], role: 'model' },
      finishReason: 'STOP',
      index: 0,
    });
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
