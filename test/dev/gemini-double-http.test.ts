/**
 * The Gemini double over HTTP: Vertex AI's paths and auth through the real `@google/genai` client, the API key check
 * and the log, and raw requests (snake_case fields, malformed bodies, unknown paths, the model list).
 */
import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { apiErrorOf, finalImage, halfAndHalf, pngBase64, rejection } from '../support/gemini-answers.js';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';
import { readImageHeader } from '../../core/image-header.js';
import { startGeminiDouble } from '../../dev/gemini-double/server.js';

const sdk = useGeminiDoubleWithSdk();

describe('Vertex paths', () => {
  it('serves express mode (API key, no project) on v1beta1', async () => {
    const vertex = new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: sdk.double.url } });
    const response = await vertex.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: 'a teapot',
      config: { imageConfig: { aspectRatio: '16:9', imageSize: '2K' } },
    });
    expect(readImageHeader(finalImage(response))).toMatchObject({ width: 2752, height: 1536 });
    expect(sdk.double.requests.at(-1)?.path).toBe(
      '/v1beta1/publishers/google/models/gemini-3-pro-image:generateContent',
    );
    expect(response.usageMetadata?.trafficType).toBe('ON_DEMAND');
  });

  it('serves project mode with a bearer token, and keeps finishMessage as Vertex does', async () => {
    const authClient = { getRequestHeaders: async () => new Headers({ Authorization: 'Bearer offline-token' }) };
    const vertex = new GoogleGenAI({
      vertexai: true,
      project: 'banana-test',
      location: 'global',
      googleAuthOptions: { authClient: authClient as never },
      httpOptions: { baseUrl: sdk.double.url },
    });
    const ok = await vertex.models.generateContent({ model: 'gemini-3.1-flash-image', contents: 'a teapot' });
    expect(readImageHeader(finalImage(ok))).toMatchObject({ width: 1024, height: 1024 });
    expect(sdk.double.requests.at(-1)?.path).toBe(
      '/v1beta1/projects/banana-test/locations/global/publishers/google/models/gemini-3.1-flash-image:generateContent',
    );
    const refused = await vertex.models.generateContent({
      model: 'gemini-3.1-flash-image',
      contents: 'x [double:image-safety]',
    });
    expect(refused.candidates?.[0]?.finishMessage).toContain('You will not be charged for blocked images.');
  });

  it('names the publisher model in a Vertex 404', async () => {
    const vertex = new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: sdk.double.url } });
    const error = apiErrorOf(await rejection(vertex.models.generateContent({ model: 'imagen-9', contents: 'x' })));
    expect(error.status).toBe(404);
    expect(error.body.error.message).toContain('Publisher Model `publishers/google/models/imagen-9` was not found');
  });

  it('answers a project call without a bearer token with 401', async () => {
    const response = await fetch(
      `${sdk.double.url}/v1beta1/projects/p/locations/global/publishers/google/models/gemini-3-pro-image:generateContent`,
      { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }) },
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
  });
});

describe('API key', () => {
  it('accepts only the configured key when one is set', async () => {
    const guarded = await startGeminiDouble({ apiKey: 'the-right-key' });
    try {
      const wrong = new GoogleGenAI({ apiKey: 'a-wrong-key', httpOptions: { baseUrl: guarded.url } });
      const error = apiErrorOf(
        await rejection(wrong.models.generateContent({ model: 'gemini-3-pro-image', contents: 'x' })),
      );
      expect(error.status).toBe(400);
      expect(error.body.error.message).toBe('API key not valid. Please pass a valid API key.');
      expect(error.body.error.details).toContainEqual(expect.objectContaining({ reason: 'API_KEY_INVALID' }));
      const right = new GoogleGenAI({ apiKey: 'the-right-key', httpOptions: { baseUrl: guarded.url } });
      const response = await right.models.generateContent({ model: 'gemini-3-pro-image', contents: 'x' });
      expect(finalImage(response).length).toBeGreaterThan(0);
      expect(guarded.requests.map((r) => r.headers['x-goog-api-key'])).toEqual(['a-wrong-key', 'the-right-key']);
    } finally {
      await guarded.close();
    }
  });

  it('logs one short line per request, without keys or prompts', async () => {
    const lines: string[] = [];
    const logged = await startGeminiDouble({ log: (line) => lines.push(line) });
    try {
      const client = new GoogleGenAI({ apiKey: 'sekrit-key-123', httpOptions: { baseUrl: logged.url } });
      await client.models.generateContent({ model: 'gemini-3-pro-image', contents: 'my private prompt' });
      await rejection(client.models.generateContent({ model: 'nope', contents: 'my private prompt' }));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^POST \/v1\/models\/gemini-3-pro-image:generateContent 200 \d+ms$/);
      expect(lines[1]).toMatch(/^POST \/v1\/models\/nope:generateContent 404 \d+ms$/);
      expect(lines.join('\n')).not.toMatch(/sekrit|private/);
    } finally {
      await logged.close();
    }
  });
});

describe('raw HTTP', () => {
  const post = (path: string, body: string) =>
    fetch(`${sdk.double.url}${path}`, { method: 'POST', headers: { 'x-goog-api-key': 'k' }, body });

  it('accepts snake_case fields and answers camelCase with a JSON content type', async () => {
    const data = pngBase64(halfAndHalf(400, 100));
    const response = await post(
      '/v1beta/models/gemini-3.1-flash-image:generateContent',
      JSON.stringify({
        contents: [{ role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data } }, { text: 'snake' }] }],
        generation_config: { response_modalities: ['IMAGE'], image_config: { aspect_ratio: '4:1', image_size: '512' } },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const body = (await response.json()) as GenerateContentResponse;
    expect(Object.keys(body)).toEqual(['candidates', 'usageMetadata', 'modelVersion', 'responseId']);
    const part = body.candidates?.[0]?.content?.parts?.[0];
    expect(Object.keys(part ?? {})).toEqual(['inlineData', 'thoughtSignature']);
    expect(readImageHeader(Buffer.from(part?.inlineData?.data ?? '', 'base64'))).toMatchObject({
      width: 1024,
      height: 256,
    });
  });

  it('answers malformed JSON with 400 INVALID_ARGUMENT', async () => {
    const response = await post('/v1/models/gemini-3-pro-image:generateContent', '{"contents": [');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
  });

  it('answers empty contents and bad roles with 400', async () => {
    const empty = await post('/v1/models/gemini-3-pro-image:generateContent', '{"contents": []}');
    expect(empty.status).toBe(400);
    const role = await post(
      '/v1/models/gemini-3-pro-image:generateContent',
      JSON.stringify({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }),
    );
    expect(((await role.json()) as { error: { message: string } }).error.message).toBe(
      'Please use a valid role: user, model.',
    );
  });

  it('answers unknown paths with a Google-shaped 404', async () => {
    const response = await post('/v1/files', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(((await response.json()) as { error: { code: number; status: string } }).error).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
    });
  });

  it('lists the registry models, the segmentation model last', async () => {
    const pager = await sdk.ai.models.list();
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? '');
    expect(names).toEqual([
      'models/gemini-nano-banana-2.1',
      'models/gemini-3-pro-image',
      'models/gemini-3.1-flash-image',
      'models/gemini-2.5-flash-image',
      'models/gemini-2.5-flash',
    ]);
  });
});
