/**
 * The double's switch for a key that cannot reach some models (`unreachableModels`, `--unreachable`,
 * `GEMINI_DOUBLE_UNREACHABLE`), through the real `@google/genai` client: those ids leave the model list, and get and
 * generate answer Google's 404 NOT_FOUND for them, on the Gemini API and on Vertex.
 */
import { ApiError, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDoubleArgs, startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';

const GONE = 'gemini-3.1-flash-image';
let double: GeminiDouble;
let gemini: GoogleGenAI;
let vertex: GoogleGenAI;
beforeAll(async () => {
  double = await startGeminiDouble({ unreachableModels: [GONE] });
  gemini = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: double.url, apiVersion: 'v1beta' } });
  vertex = new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: double.url, apiVersion: 'v1' } });
});
afterAll(async () => {
  await double.close();
});

async function failure(promise: Promise<unknown>): Promise<{ status: number; error: Record<string, unknown> }> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return { status: error.status, error: (JSON.parse(error.message) as { error: Record<string, unknown> }).error };
}

describe('unreachableModels', () => {
  it('leaves the ids out of the model list', async () => {
    const names: string[] = [];
    for await (const model of await gemini.models.list()) names.push(model.name ?? '');
    expect(names).toEqual([
      'models/gemini-nano-banana-2.1',
      'models/gemini-3-pro-image',
      'models/gemini-2.5-flash-image',
      'models/gemini-2.5-flash',
    ]);
  });

  it('answers get and generate for them with Google’s 404 NOT_FOUND', async () => {
    const notFound = {
      code: 404,
      status: 'NOT_FOUND',
      message: `models/${GONE} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
    };
    expect(await failure(gemini.models.get({ model: GONE }))).toEqual({ status: 404, error: notFound });
    expect(await failure(gemini.models.generateContent({ model: GONE, contents: 'a kite' }))).toEqual({
      status: 404,
      error: notFound,
    });
    expect((await gemini.models.get({ model: 'gemini-nano-banana-2.1' })).name).toBe('models/gemini-nano-banana-2.1');
  });

  it('answers Vertex’s get and generate with its publisher-model 404', async () => {
    const got = await failure(vertex.models.get({ model: GONE }));
    expect(got.status).toBe(404);
    expect(got.error.message).toMatch(
      /^Publisher Model `publishers\/google\/models\/gemini-3\.1-flash-image` was not found/,
    );
    const generated = await failure(vertex.models.generateContent({ model: GONE, contents: 'a kite' }));
    expect(generated.status).toBe(404);
    expect(double.requests.filter((r) => r.status === 404).map((r) => [r.method, r.path])).toEqual(
      expect.arrayContaining([
        ['GET', `/v1/publishers/google/models/${GONE}`],
        ['POST', `/v1/publishers/google/models/${GONE}:generateContent`],
      ]),
    );
    expect((await vertex.models.get({ model: 'gemini-3-pro-image' })).name).toBe('models/gemini-3-pro-image');
  });

  it('leaves out and refuses the segmentation model too when it is unreachable', async () => {
    const lost = await startGeminiDouble({ unreachableModels: ['gemini-2.5-flash'] });
    try {
      const sdk = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: lost.url, apiVersion: 'v1beta' } });
      const names: string[] = [];
      for await (const model of await sdk.models.list()) names.push(model.name ?? '');
      expect(names).not.toContain('models/gemini-2.5-flash');
      expect((await failure(sdk.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' }))).status).toBe(
        404,
      );
      expect((await failure(sdk.models.get({ model: 'gemini-2.5-flash' }))).status).toBe(404);
    } finally {
      await lost.close();
    }
    expect((await gemini.models.get({ model: 'gemini-2.5-flash' })).name).toBe('models/gemini-2.5-flash');
  });

  it('reads --unreachable and GEMINI_DOUBLE_UNREACHABLE when run standalone', () => {
    expect(parseDoubleArgs(['--unreachable', 'a, b', '--port', '9'], {})).toEqual({
      port: 9,
      unreachableModels: ['a', 'b'],
    });
    expect(parseDoubleArgs([], { GEMINI_DOUBLE_UNREACHABLE: 'c' })).toEqual({ port: 8790, unreachableModels: ['c'] });
  });
});
