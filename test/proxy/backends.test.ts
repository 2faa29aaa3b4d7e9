/**
 * Vertex AI as the other backend (express mode with a key, and project + location with credentials), against
 * the double on Vertex's own URL paths; and a model registry file that adds a new id without a code change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModelRegistry } from '../../core/models.js';
import { startProxy } from '../../proxy/server.js';
import { startGeminiDouble } from '../../dev/gemini-double/server.js';
import { noisePng } from '../support/noise-png.js';
import {
  generateRequest,
  startHarness,
  stubAuthClient,
  TEAM_TOKEN,
  TEST_KEY,
  tempDataDir,
} from '../support/proxy-harness.js';

const dirs: string[] = [];
const dir = (): string => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The registry's models the start-up check asks Vertex for: the image models, then the segmentation model. */
const CONFIGURED_IDS = [
  'gemini-nano-banana-2.1',
  'gemini-3-pro-image',
  'gemini-3.1-flash-image',
  'gemini-2.5-flash-image',
  'gemini-2.5-flash',
];

describe('the inline image limit of each backend', () => {
  it.each([
    ['gemini', 20 * 1024 * 1024, 200],
    ['vertex-express', 7_000_000, 413],
  ] as const)('%s: /v1/models says %d bytes per image, and a 9 MB image gets %d', async (backend, limit, status) => {
    // The default body limit (64 MB), so the image, not the body, meets a limit first.
    const h = await startHarness({ sdk: backend, maxBodyBytes: 64 * 1024 * 1024 });
    try {
      const models = await (await h.app.request('/v1/models')).json();
      expect(models.inlineImageMaxBytes).toBe(limit);
      const res = await h.app.request(
        '/v1/generate',
        generateRequest({
          prompt: 'noise, calmer',
          model: 'gemini-3-pro-image',
          images: [
            { data: Buffer.from(noisePng(1500, 1500, 0)).toString('base64'), mimeType: 'image/png', role: 'base' },
          ],
        }),
      );
      const body = await res.json();
      expect(res.status).toBe(status);
      if (status === 413) {
        expect(body.error).toEqual({
          code: 'image_too_large',
          message:
            "Image 1 is 9 MB; this proxy's Gemini backend takes at most 7 MB per image. Use a smaller frame or a lower export scale.",
        });
      } else {
        expect(body.image.mimeType).toMatch(/^image\//);
      }
    } finally {
      await h.close();
    }
  });
});

describe('Vertex AI through app.request()', () => {
  it.each([
    [
      'express mode (API key)',
      'vertex-express',
      /^\/v1\/publishers\/google\/models\/gemini-3-pro-image:generateContent$/,
      (headers: Record<string, string>) => expect(headers['x-goog-api-key']).toBe(TEST_KEY),
    ],
    [
      'project and location (credentials)',
      'vertex-project',
      /^\/v1\/projects\/banana-test\/locations\/us-central1\/publishers\/google\/models\/gemini-3-pro-image:generateContent$/,
      (headers: Record<string, string>) => expect(headers.authorization).toBe('Bearer test'),
    ],
  ] as const)('%s: calls Vertex’s path and says mode "vertex"', async (_name, backend, path, checkAuth) => {
    const h = await startHarness({ sdk: backend });
    try {
      expect(await (await h.app.request('/health')).json()).toMatchObject({ mode: 'vertex' });
      const res = await h.app.request(
        '/v1/generate',
        generateRequest({
          prompt: 'a vertex banana',
          model: 'gemini-3-pro-image',
          aspectRatio: '3:2',
          imageSize: '2K',
        }),
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.image).toMatchObject({ width: 2528, height: 1696 });
      expect(body.usage.costUsd).toBeGreaterThan(0.13);
      const call = h.double.requests.at(-1)!;
      expect(call.path).toMatch(path);
      checkAuth(call.headers);
      // Retries work the same way on Vertex.
      const flaky = await h.app.request('/v1/generate', generateRequest({ prompt: 'vertex flaky [double:flaky-503]' }));
      expect(flaky.status).toBe(200);
      expect(h.double.requests.filter((r) => JSON.stringify(r.body).includes('vertex flaky'))).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});

describe('Vertex AI as `npm start` runs it', () => {
  it('express mode from GOOGLE_GENAI_USE_VERTEXAI and GOOGLE_API_KEY', async () => {
    const double = await startGeminiDouble({ apiKey: TEST_KEY });
    const proxy = await startProxy(
      {
        PORT: '0',
        GOOGLE_GENAI_USE_VERTEXAI: 'true',
        GOOGLE_API_KEY: TEST_KEY,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: TEAM_TOKEN,
        BANANA_DATA_DIR: dir(),
      },
      { writeLog: () => {} },
    );
    try {
      expect(await (await fetch(`${proxy.url}/health`)).json()).toMatchObject({ mode: 'vertex' });
      const res = await fetch(`${proxy.url}/v1/generate`, generateRequest({ prompt: 'express over http' }));
      // Read the whole body: one left unread errors when the proxy closes below (an unhandled rejection).
      expect([res.status, typeof (await res.json()).image?.data]).toEqual([200, 'string']);
      // Vertex's GA surface, set explicitly (the SDK's default would be v1beta1; config/models.md).
      expect(double.requests.at(-1)!.path).toBe('/v1/publishers/google/models/gemini-nano-banana-2.1:generateContent');
      // The start-up model check asked Vertex for each configured model (its list is the whole catalogue).
      expect(double.requests.filter((r) => r.method === 'GET').map((r) => [r.path, r.status])).toEqual(
        CONFIGURED_IDS.map((id) => [`/v1/publishers/google/models/${id}`, 200]),
      );
    } finally {
      await proxy.close();
      await double.close();
    }
  });

  it('project mode from GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION, with credentials', async () => {
    const double = await startGeminiDouble();
    const proxy = await startProxy(
      {
        PORT: '0',
        GOOGLE_GENAI_USE_VERTEXAI: 'true',
        GOOGLE_CLOUD_PROJECT: 'team-project',
        GOOGLE_CLOUD_LOCATION: 'global',
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: TEAM_TOKEN,
        BANANA_DATA_DIR: dir(),
      },
      { writeLog: () => {}, vertexAuthClient: stubAuthClient },
    );
    try {
      const res = await fetch(`${proxy.url}/v1/generate`, generateRequest({ prompt: 'project over http' }));
      // Read the whole body: one left unread errors when the proxy closes below (an unhandled rejection).
      expect([res.status, typeof (await res.json()).image?.data]).toEqual([200, 'string']);
      const call = double.requests.at(-1)!;
      expect(call.path).toBe(
        '/v1/projects/team-project/locations/global/publishers/google/models/gemini-nano-banana-2.1:generateContent',
      );
      expect(call.headers.authorization).toBe('Bearer test');
      // Vertex's models.get of a base model goes without the project prefix, as the SDK sends it.
      const checks = double.requests.filter((r) => r.method === 'GET');
      expect(checks.map((r) => [r.path, r.status])).toEqual(
        CONFIGURED_IDS.map((id) => [`/v1/publishers/google/models/${id}`, 200]),
      );
      expect(checks[0]!.headers.authorization).toBe('Bearer test');
    } finally {
      await proxy.close();
      await double.close();
    }
  });
});

describe('BANANA_MODELS_FILE', () => {
  it('adds a new Nano Banana id without a code change', async () => {
    const shipped = JSON.parse(readFileSync(new URL('../../config/models.json', import.meta.url), 'utf8'));
    const flash = shipped.models.find((m: { id: string }) => m.id === 'gemini-3.1-flash-image');
    const file = join(dir(), 'models.json');
    const registry = {
      defaultModel: 'gemini-nano-banana-9',
      models: [
        ...shipped.models,
        { ...flash, id: 'gemini-nano-banana-9', label: 'Nano Banana 9', status: 'current', replacement: undefined },
      ],
    };
    writeFileSync(file, JSON.stringify(registry));
    // The double must offer the model too, as Google would.
    const double = await startGeminiDouble({ apiKey: TEST_KEY, registry: parseModelRegistry(registry) });
    const proxy = await startProxy(
      {
        PORT: '0',
        GEMINI_API_KEY: TEST_KEY,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: TEAM_TOKEN,
        BANANA_MODELS_FILE: file,
        BANANA_DATA_DIR: dir(),
      },
      { writeLog: () => {} },
    );
    try {
      const models = await (await fetch(`${proxy.url}/v1/models`)).json();
      expect(models.defaultModel).toBe('gemini-nano-banana-9');
      expect(models.models.map((m: { id: string }) => m.id)).toContain('gemini-nano-banana-9');
      const res = await fetch(
        `${proxy.url}/v1/generate`,
        generateRequest({ prompt: 'the newest banana', aspectRatio: '8:1' }),
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ model: 'gemini-nano-banana-9', image: { width: 3072, height: 384 } });
      expect(double.requests.at(-1)!.path).toBe('/v1beta/models/gemini-nano-banana-9:generateContent');
      // The start-up model check read the key's model list on the same version.
      expect(double.requests[0]).toMatchObject({ method: 'GET', path: '/v1beta/models', status: 200 });
    } finally {
      await proxy.close();
      await double.close();
    }
  });
});
