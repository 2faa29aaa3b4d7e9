import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { costModelOf, estimateCostUsd } from '../../core/cost-estimate.js';
import { findModel } from '../../core/models.js';
import { generateResponseSchema, modelsResponseSchema } from '../../core/proxy-schema.js';
import { createImage, encodePng } from '../../core/png.js';
import { generateRequest, startHarness, TEST_KEY, type Harness } from '../support/proxy-harness.js';
import { loadRegistry } from '../support/registry.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const pngBase64 = (w: number, h: number, rgba: [number, number, number, number] = [200, 40, 40, 255]): string =>
  Buffer.from(encodePng(createImage(w, h, rgba))).toString('base64');

async function post(body: unknown, token?: string | null): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await h.app.request('/v1/generate', generateRequest(body, token));
  return { status: res.status, json: await res.json(), headers: res.headers };
}

describe('GET /health and /v1/models', () => {
  it('says the mode and version', async () => {
    const res = await h.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'gemini', version: 'test' });
  });

  it('lists the registry with ratios, sizes, limits and prices', async () => {
    const res = await h.app.request('/v1/models');
    const body = modelsResponseSchema.parse(await res.json());
    expect(body.defaultModel).toBe('gemini-nano-banana-2.1');
    expect(body.models.map((m) => [m.id, m.status, m.replacement ?? null])).toEqual([
      ['gemini-nano-banana-2.1', 'current', null],
      ['gemini-3-pro-image', 'current', null],
      ['gemini-3.1-flash-image', 'deprecated', 'gemini-nano-banana-2.1'],
      ['gemini-2.5-flash-image', 'legacy', 'gemini-nano-banana-2.1'],
    ]);
    expect(body.unavailable).toBeUndefined();
    const pro = body.models.find((m) => m.id === 'gemini-3-pro-image')!;
    expect(pro.imageSizes).toEqual(['1K', '2K', '4K']);
    expect(pro.maxInputImages).toBe(14);
    expect(pro.pricePerImageUsd['4K']).toBe(0.24);
    // What the panel's estimate needs: the text/thinking rate and the typical text and thinking per answer.
    expect(pro).toMatchObject({ outputTextUsdPerMillionTokens: 12, typicalTextTokens: 0, typicalThoughtsTokens: 244 });
    // And the Batch API's share of those rates, for the panel's half-price estimate (core/batch-plan.ts).
    expect(pro.batchRate).toBe(0.5);
    const nb21 = body.models.find((m) => m.id === 'gemini-nano-banana-2.1')!;
    expect(nb21.pricePerImageUsd).toEqual({ '1K': 0.0336, '2K': 0.0504, '4K': 0.1134 });
  });
});

describe('CORS', () => {
  it('answers the Figma iframe’s preflight (origin null) with *', async () => {
    const res = await h.app.request('/v1/generate', {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('puts * on errors too, so the panel can read them', async () => {
    const res = await h.app.request('/v1/generate', { method: 'POST', headers: { origin: 'null' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('POST /v1/generate: requests that never reach Gemini', () => {
  it.each<[string, unknown, string | null | undefined, number, string, RegExp]>([
    ['no token', { prompt: 'x' }, null, 401, 'unauthorized', /No team token was sent/],
    ['a wrong token', { prompt: 'x' }, 'nope', 401, 'unauthorized', /not valid/],
    ['malformed JSON', '{"prompt": ', undefined, 400, 'bad_request', /not valid JSON/],
    ['a missing prompt', {}, undefined, 400, 'bad_request', /prompt/],
    ['an unknown field', { prompt: 'x', temperature: 2 }, undefined, 400, 'bad_request', /unknown field "temperature"/],
    [
      'an unknown model',
      { prompt: 'x', model: 'gemini-9-ultra' },
      undefined,
      400,
      'unknown_model',
      /gemini-9-ultra.*gemini-2\.5-flash-image/,
    ],
    [
      'a ratio the model lacks',
      { prompt: 'x', model: 'gemini-3-pro-image', aspectRatio: '4:1' },
      undefined,
      400,
      'unsupported_parameter',
      /4:1/,
    ],
    [
      'a size the model lacks',
      { prompt: 'x', model: 'gemini-3-pro-image', imageSize: '512' },
      undefined,
      400,
      'unsupported_parameter',
      /512/,
    ],
    [
      'a size on 2.5 Flash',
      { prompt: 'x', model: 'gemini-2.5-flash-image', imageSize: '2K' },
      undefined,
      400,
      'unsupported_parameter',
      /2K/,
    ],
    [
      'too many images for 2.5 Flash',
      {
        prompt: 'x',
        model: 'gemini-2.5-flash-image',
        images: new Array(4).fill({ data: pngBase64(2, 2), mimeType: 'image/png', role: 'style' }),
      },
      undefined,
      400,
      'too_many_images',
      /at most 3 input images; this request has 4/,
    ],
    [
      'an image that is not an image',
      {
        prompt: 'x',
        images: [{ data: Buffer.from('hello there').toString('base64'), mimeType: 'image/png', role: 'base' }],
      },
      undefined,
      415,
      'unsupported_image',
      /Image 1 is not a PNG, JPEG or WebP/,
    ],
  ])('%s → %i %s', async (_name, body, token, status, code, message) => {
    const before = h.double.requests.length;
    const res = await post(body, token);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toMatch(message);
    expect(h.double.requests.length).toBe(before);
  });

  it('refuses a body that is not JSON by content type', async () => {
    const res = await h.app.request('/v1/generate', {
      method: 'POST',
      headers: { authorization: 'Bearer team-token-for-tests-abcdef', 'content-type': 'text/plain' },
      body: 'prompt',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Content-Type: application\/json/);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post({
      prompt: 'x',
      images: [{ data: 'A'.repeat(9 * 1024 * 1024), mimeType: 'image/png', role: 'base' }],
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('request_too_large');
  });

  it('answers unknown routes with the envelope', async () => {
    const res = await h.app.request('/v2/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('POST /v1/generate: through the real SDK to the double', () => {
  it('makes an image at the size Gemini really answers, and prices it from usageMetadata', async () => {
    const res = await post({
      prompt: 'a red bicycle',
      model: 'gemini-3-pro-image',
      aspectRatio: '4:5',
      imageSize: '2K',
    });
    expect(res.status).toBe(200);
    const body = generateResponseSchema.parse(res.json);
    expect(body).toMatchObject({
      model: 'gemini-3-pro-image',
      cached: false,
      // Gemini 3 answers JPEG (docs/gemini-double.md); the proxy passes the bytes on as they came.
      image: { mimeType: 'image/jpeg', width: 1856, height: 2304 },
    });
    const pixels = jpeg.decode(Buffer.from(body.image.data, 'base64'), { useTArray: true });
    expect([pixels.width, pixels.height]).toEqual([1856, 2304]);
    expect(body.usage.totalTokens).toBe(body.usage.inputTokens + body.usage.outputTokens);
    // By modality: input at $2/M, the 2K image's 1120 tokens at $120/M, the rest (thinking) at $12/M.
    expect(body.usage.outputTokens).toBeGreaterThan(1120);
    const expected = (body.usage.inputTokens * 2 + 1120 * 120 + (body.usage.outputTokens - 1120) * 12) / 1e6;
    expect(body.usage.costUsd).toBeCloseTo(expected, 6);
    const sent = h.double.requests.at(-1)!;
    // The API version Google's image-generation docs use, not the SDK's default v1 (config/models.md).
    expect(sent.path).toBe('/v1beta/models/gemini-3-pro-image:generateContent');
    expect((sent.body as any).generationConfig.imageConfig).toEqual({ aspectRatio: '4:5', imageSize: '2K' });
    expect((sent.body as any).generationConfig.responseModalities).toEqual(['IMAGE']);
  });

  it('uses the default model and never sends imageSize to a model without sizes', async () => {
    const res = await post({ prompt: 'a lighthouse', model: 'gemini-2.5-flash-image', aspectRatio: '16:9' });
    expect(res.status).toBe(200);
    expect(res.json.image).toMatchObject({ width: 1344, height: 768 });
    expect((h.double.requests.at(-1)!.body as any).generationConfig.imageConfig).toEqual({ aspectRatio: '16:9' });
    const byDefault = await post({ prompt: 'a lighthouse' });
    expect(byDefault.json.model).toBe('gemini-nano-banana-2.1');
  });

  it('sends input images first and the instruction last', async () => {
    const base = pngBase64(64, 80);
    const res = await post({
      prompt: 'warmer light',
      aspectRatio: '4:5',
      images: [{ data: base, mimeType: 'image/png', role: 'base' }],
    });
    expect(res.status).toBe(200);
    const parts = (h.double.requests.at(-1)!.body as any).contents[0].parts;
    expect(parts).toHaveLength(2);
    expect(parts[0].inlineData).toEqual({ data: base, mimeType: 'image/png' });
    expect(parts[1].text).toBe('warmer light');
  });

  it('logs one line per request with no prompt, token or key', async () => {
    h.logs.length = 0;
    await post({ prompt: 'secret product codename zebra' });
    expect(h.logs).toHaveLength(1);
    const line = JSON.parse(h.logs[0]!);
    expect(line).toMatchObject({
      method: 'POST',
      path: '/v1/generate',
      status: 200,
      tokenName: 'Ana',
      model: 'gemini-nano-banana-2.1',
      outcome: 'ok',
    });
    expect(h.logs[0]).not.toContain('zebra');
    expect(h.logs[0]).not.toContain('team-token-for-tests');
    expect(h.logs[0]).not.toContain(TEST_KEY);
  });
});

describe('timeouts', () => {
  it('gives up on a slow Gemini with upstream_timeout and aborts the upstream call', async () => {
    // 120 s for 1K on 2.1, scaled down to 0.3 s.
    const quick = await startHarness({ timeoutScale: 0.0025 });
    try {
      const res = await quick.app.request('/v1/generate', generateRequest({ prompt: 'slow [double:slow:3000]' }));
      expect(res.status).toBe(504);
      const body = await res.json();
      expect(body.error.code).toBe('upstream_timeout');
      expect(body.error.message).toBe('Gemini did not answer within 1 second. Try again, or use a smaller size.');
      // The call reached Gemini, which may bill it anyway: the envelope says how much, the estimate.
      const nb21 = findModel(loadRegistry(), 'gemini-nano-banana-2.1')!;
      const prompt = 'slow [double:slow:3000]';
      expect(body.error.mayHaveBilledUsd).toBe(estimateCostUsd(costModelOf(nb21), '1K', 0, prompt.length));
      await expect.poll(() => quick.double.requests.at(-1)?.aborted).toBe(true);
    } finally {
      await quick.close();
    }
  });
});
