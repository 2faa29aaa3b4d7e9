/**
 * `POST /v1/segment` through the whole app and the real `@google/genai` client against the Gemini double: the masks
 * as Google's JSON gives them, the call configured for JSON with thinking off, the usage row priced per token, a
 * strict body, and a registry without a segmentation model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../core/base64.js';
import { createImage, decodePng, encodePng } from '../../core/png.js';
import { segmentResponseSchema } from '../../core/segment-schema.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A 200 × 100 pale image with a dark 40 × 30 block at (120, 50). */
function pictureBase64(): string {
  const image = createImage(200, 100, [230, 230, 235, 255]);
  for (let y = 50; y < 80; y++) for (let x = 120; x < 160; x++) image.data.set([20, 90, 80, 255], (y * 200 + x) * 4);
  return Buffer.from(encodePng(image)).toString('base64');
}

async function post(harness: Harness, body: unknown) {
  const res = await harness.app.request('/v1/segment', generateRequest(body));
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
    id: res.headers.get('x-request-id')!,
  };
}

describe('POST /v1/segment', () => {
  it('answers with the masks, and writes one priced usage row', async () => {
    const res = await post(h, { image: { data: pictureBase64(), mimeType: 'image/png' } });
    expect(res.status).toBe(200);
    const body = segmentResponseSchema.parse(res.json);
    expect(body.model).toBe('gemini-2.5-flash');
    expect(body.masks).toHaveLength(1);
    expect(body.masks[0]!.box).toEqual([500, 600, 800, 800]);
    const mask = decodePng(base64ToBytes(body.masks[0]!.mask));
    expect([mask.width, mask.height]).toEqual([40, 30]);
    expect(mask.data[(15 * 40 + 20) * 4]).toBe(255);
    expect(body.usage.costUsd).toBeGreaterThan(0);
    const row = await h.store.usageRecord(res.id);
    expect(row).toMatchObject({ model: 'gemini-2.5-flash', outcome: 'ok', inputImages: 1, attempts: 1 });
    expect(row?.costUsd).toBe(body.usage.costUsd);
    // What went to Gemini: the image, Google's segmentation prompt, JSON out, thinking off.
    const sent = h.double.requests.at(-1)!.body as {
      contents: { parts: { text?: string }[] }[];
      generationConfig: { responseMimeType: string; thinkingConfig: { thinkingBudget: number } };
    };
    expect(sent.generationConfig.responseMimeType).toBe('application/json');
    expect(sent.generationConfig.thinkingConfig.thinkingBudget).toBe(0);
    expect(sent.contents[0]!.parts.at(-1)!.text).toMatch(
      /^Give the segmentation masks for the main foreground subject/,
    );
  });

  it('names the object asked for', async () => {
    const res = await post(h, { image: { data: pictureBase64(), mimeType: 'image/png' }, label: 'the green box' });
    expect(res.status).toBe(200);
    expect(segmentResponseSchema.parse(res.json).masks.map((m) => m.label)).toEqual(['the green box']);
  });

  it.each([
    ['an unknown field', { image: { data: pictureBase64(), mimeType: 'image/png' }, url: 'https://x.invalid/a.png' }],
    ['no image', { label: 'the mug' }],
    ['an image that is not base64', { image: { data: 'not base64!', mimeType: 'image/png' } }],
  ])('refuses %s with a clear 400', async (_name, body) => {
    const res = await post(h, body);
    expect(res.status).toBe(400);
    expect((res.json.error as { code: string; message: string }).message).toMatch(/^The request is not valid: /);
  });

  it('says so when the registry has no segmentation model', async () => {
    const { segmentation: _none, ...registry } = h.registry;
    const bare = await startHarness({ registry });
    try {
      const res = await post(bare, { image: { data: pictureBase64(), mimeType: 'image/png' } });
      expect(res.status).toBe(410);
      expect((res.json.error as { message: string }).message).toMatch(/no segmentation model/);
      expect((await bare.store.usageRecord(res.id))?.outcome).toBe('model_unavailable');
    } finally {
      await bare.close();
    }
  });

  it('a key that cannot reach the segmentation model: /v1/models leaves it out, and a call is 410 without Gemini', async () => {
    const lost = await startHarness({ unreachableModels: ['gemini-2.5-flash'] });
    try {
      const models = (await (await lost.app.request('/v1/models')).json()) as Record<string, unknown>;
      expect(models.segmentation).toBeUndefined();
      expect((models.models as { id: string }[]).map((m) => m.id)).toContain('gemini-nano-banana-2.1');
      expect(lost.availability.report().error).toBeNull();
      const before = lost.double.requests.filter((r) => r.method === 'POST').length;
      const res = await post(lost, { image: { data: pictureBase64(), mimeType: 'image/png' } });
      expect(res.status).toBe(410);
      expect(res.json.error).toEqual({
        code: 'model_unavailable',
        message:
          "Gemini 2.5 Flash (segmentation masks) is not available to this proxy's Gemini key, so Remove background uses two renders instead.",
      });
      expect(lost.double.requests.filter((r) => r.method === 'POST').length).toBe(before);
      expect(await lost.store.usageRecord(res.id)).toMatchObject({ outcome: 'model_unavailable', costUsd: 0 });
    } finally {
      await lost.close();
    }
  });

  it('the same key offers it in /v1/models when it can reach it', async () => {
    const models = (await (await h.app.request('/v1/models')).json()) as { segmentation?: { id: string } };
    expect(models.segmentation?.id).toBe('gemini-2.5-flash');
  });
});
