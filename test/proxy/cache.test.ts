/**
 * The image cache through the whole app: a repeated request answers from the store, free, without calling
 * Gemini and without counting against limits, and still shows in usage as a hit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, encodePng } from '../../core/png.js';
import { generateResponseSchema } from '../../core/proxy-schema.js';
import { adminRequest, generateRequest, startHarness, TEST_NOW, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function post(body: object, token?: string) {
  const res = await h.app.request('/v1/generate', generateRequest(body, token));
  return { status: res.status, json: await res.json(), id: res.headers.get('x-request-id')! };
}
const calls = (): number => h.double.requests.length;
const png = (rgba: [number, number, number, number]): string =>
  Buffer.from(encodePng(createImage(8, 10, rgba))).toString('base64');

describe('cache hits', () => {
  it('answer a repeated request from the store: same image, cached, $0, no call to Gemini', async () => {
    const body = { prompt: 'a cached lighthouse', model: 'gemini-3-pro-image', aspectRatio: '16:9', imageSize: '4K' };
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(first.json.cached).toBe(false);
    const before = calls();
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(calls()).toBe(before);
    const parsed = generateResponseSchema.parse(again.json);
    expect(parsed).toMatchObject({
      cached: true,
      model: 'gemini-3-pro-image',
      usage: { costUsd: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      image: { width: 5504, height: 3072, mimeType: 'image/jpeg' },
    });
    expect(parsed.image.data).toBe(first.json.image.data);
    expect(await h.store.usageRecord(again.id)).toMatchObject({
      cached: true,
      costUsd: 0,
      savedUsd: first.json.usage.costUsd,
      outcome: 'ok',
      attempts: 0,
    });
  });

  it('do not count against a limit, and are served even at the limit', async () => {
    const token = await h.addToken('Limited', { dailyImages: 1 });
    expect((await post({ prompt: 'limited one' }, token)).status).toBe(200);
    const hit = await post({ prompt: 'limited one' }, token);
    expect([hit.status, hit.json.cached]).toEqual([200, true]);
    expect((await post({ prompt: 'limited two' }, token)).status).toBe(429);
    expect((await post({ prompt: 'limited one' }, token)).json.cached).toBe(true);
  });

  it('treat the default size and the same size spelled out as one request', async () => {
    await post({ prompt: 'default size', model: 'gemini-3.1-flash-image' });
    const before = calls();
    expect((await post({ prompt: 'default size', model: 'gemini-3.1-flash-image', imageSize: '1K' })).json.cached).toBe(
      true,
    );
    expect(calls()).toBe(before);
  });

  it('key on the input images’ bytes and roles', async () => {
    const red = png([255, 0, 0, 255]);
    const blue = png([0, 0, 255, 255]);
    const edit = (data: string, role: string) => ({
      prompt: 'make it warmer',
      aspectRatio: '4:5',
      images: [{ data, mimeType: 'image/png', role }],
    });
    await post(edit(red, 'base'));
    const before = calls();
    expect((await post(edit(red, 'base'))).json.cached).toBe(true);
    expect((await post(edit(blue, 'base'))).json.cached).toBe(false);
    expect((await post(edit(red, 'style'))).json.cached).toBe(false);
    expect(calls()).toBe(before + 2);
  });
});

describe('cache misses', () => {
  it('for another variant of the same request', async () => {
    await post({ prompt: 'four variants', variant: 0 });
    const before = calls();
    const second = await post({ prompt: 'four variants', variant: 1 });
    expect(second.json.cached).toBe(false);
    expect(calls()).toBe(before + 1);
    expect((await post({ prompt: 'four variants' })).json.cached).toBe(true);
  });

  it('when the request opts out with cache: false, which also keeps its answer out', async () => {
    await post({ prompt: 'never cached', cache: false });
    await post({ prompt: 'never cached', cache: false });
    const before = calls();
    expect((await post({ prompt: 'never cached' })).json.cached).toBe(false);
    expect(calls()).toBe(before + 1);
  });

  it('for failures, which are never cached', async () => {
    const before = calls();
    expect((await post({ prompt: 'no luck [double:no-image]' })).status).toBe(422);
    expect((await post({ prompt: 'no luck [double:no-image]' })).status).toBe(422);
    expect(calls()).toBe(before + 2);
  });

  it.each([
    ['variant 8', { variant: 8 }, /variant must be a whole number from 0 to 7/],
    ['variant 1.5', { variant: 1.5 }, /variant must be a whole number/],
    ['cache "no"', { cache: 'no' }, /cache must be true or false/],
  ])('refuses %s', async (_name, extra, message) => {
    const res = await post({ prompt: 'x', ...extra });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
  });
});

describe('a size-capped cache', () => {
  it('evicts the least recently used answer', async () => {
    // First measure what each answer takes, then size a cache that holds any two of them but not all three.
    const sizes: number[] = [];
    const measure = await startHarness();
    try {
      for (const prompt of ['lru a', 'lru b', 'lru c']) {
        await measure.app.request('/v1/generate', generateRequest({ prompt }));
        sizes.push((await measure.store.cacheStats()).bytes - sizes.reduce((x, y) => x + y, 0));
      }
    } finally {
      await measure.close();
    }
    const [a, b, c] = sizes as [number, number, number];
    const cap = Math.max(a + b, a + c);
    const small = await startHarness({ cacheBytes: cap });
    try {
      const ask = async (prompt: string) =>
        (await (await small.app.request('/v1/generate', generateRequest({ prompt }))).json()).cached;
      expect(await ask('lru a')).toBe(false);
      small.clock.advance(1000);
      expect(await ask('lru b')).toBe(false);
      small.clock.advance(1000);
      expect(await ask('lru a')).toBe(true); // a is now the most recently used
      small.clock.advance(1000);
      expect(await ask('lru c')).toBe(false); // evicts b, the least recently used
      small.clock.advance(1000);
      expect(await ask('lru a')).toBe(true);
      expect(await ask('lru c')).toBe(true);
      expect(await small.store.cacheStats()).toEqual({ entries: 2, bytes: a + c });
      expect(await ask('lru b')).toBe(false);
    } finally {
      await small.close();
    }
  });

  it('is off with BANANA_CACHE_MB=0', async () => {
    const none = await startHarness({ cacheBytes: 0 });
    try {
      const ask = async () =>
        (await (await none.app.request('/v1/generate', generateRequest({ prompt: 'uncached' }))).json()).cached;
      expect([await ask(), await ask()]).toEqual([false, false]);
      expect(none.double.requests).toHaveLength(2);
    } finally {
      await none.close();
    }
  });
});

describe('the admin report', () => {
  it('shows hits, the hit rate and the savings', async () => {
    h.clock.set(TEST_NOW);
    const res = await h.app.request('/admin/api/usage', adminRequest('GET'));
    const report = await res.json();
    expect(report.cache.hits).toBeGreaterThanOrEqual(6);
    expect(report.cache.hitRate).toBeGreaterThan(0);
    expect(report.cache.savedUsd).toBeGreaterThan(0.24); // the 4K hit alone saved $0.24
    expect(report.cache.entries).toBeGreaterThan(5);
    expect(report.cache.capBytes).toBe(512 * 1024 * 1024);
  });
});
