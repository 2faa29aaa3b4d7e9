/**
 * Per-person limits through the whole app (real SQLite store, real SDK, the Gemini double): images per day,
 * dollars per month, requests per minute, and what a designer reads when one is reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequest, startHarness, TEST_NOW, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function post(token: string, body: object, signal?: AbortSignal) {
  const res = await h.app.request('/v1/generate', generateRequest(body, token, signal));
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const calls = (): number => h.double.requests.length;
/** Nano Banana 2 (3.1 Flash): still configured (deprecated), and the one model with a 512 size. */
const FLASH = 'gemini-3.1-flash-image';

describe('images per day', () => {
  it('lets exactly 10 of 40 parallel requests through on a limit of 10, and records all 40', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Parallel', { dailyImages: 10 });
    const before = { calls: calls(), rows: await h.store.countUsage() };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(token, { prompt: `parallel picture ${i}`, model: FLASH, imageSize: '512' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    for (const r of results.filter((x) => x.status === 429)) expect(r.json.error.code).toBe('limit_reached');
    expect(calls() - before.calls).toBe(10);
    expect((await h.store.countUsage()) - before.rows).toBe(40);
  });

  it('says how many, when it resets and in how long, with Retry-After', async () => {
    h.clock.set(Date.parse('2026-11-18T20:48:00Z'));
    const token = await h.addToken('Daily', { dailyImages: 1 });
    expect((await post(token, { prompt: 'daily one' })).status).toBe(200);
    const refused = await post(token, { prompt: 'daily two' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toEqual({
      code: 'limit_reached',
      message: 'You have used your 1 image for today. Your limit resets at 00:00 UTC (in 3 h 12 min).',
    });
    expect(refused.headers.get('retry-after')).toBe(String(3 * 3600 + 12 * 60));
    // Midnight UTC: a new day.
    h.clock.set(Date.parse('2026-11-19T00:00:00Z'));
    expect((await post(token, { prompt: 'daily three' })).status).toBe(200);
  });

  it('gives a failed request its image back', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Unlucky', { dailyImages: 1 });
    const failed = await post(token, { prompt: 'refused [double:no-image]' });
    expect(failed.status).toBe(422);
    expect((await post(token, { prompt: 'second try' })).status).toBe(200);
    expect((await post(token, { prompt: 'third' })).status).toBe(429);
  });

  it('applies new limits and revocations on the very next request', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Changing', { dailyImages: 1 });
    expect((await post(token, { prompt: 'change one' })).status).toBe(200);
    expect((await post(token, { prompt: 'change two' })).status).toBe(429);
    await h.store.setLimits('Changing', { dailyImages: 2 });
    expect((await post(token, { prompt: 'change three' })).status).toBe(200);
    await h.store.revokeToken('Changing', TEST_NOW);
    const revoked = await post(token, { prompt: 'change four' });
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.code).toBe('unauthorized');
  });
});

describe('dollars per month', () => {
  it('answers 402 budget_exhausted before the request would pass the budget', async () => {
    h.clock.set(TEST_NOW);
    // 3.1 Flash 1K is about $0.07 an image (its image and typical text): one fits in $0.10, a second would not.
    const token = await h.addToken('Budget', { monthlyUsd: 0.1 });
    const first = await post(token, { prompt: 'budget one', model: FLASH });
    expect(first.status).toBe(200);
    const before = calls();
    const refused = await post(token, { prompt: 'budget two', model: FLASH });
    expect(refused.status).toBe(402);
    expect(refused.json.error.code).toBe('budget_exhausted');
    expect(refused.json.error.message).toMatch(
      /^This request would cost about \$0\.07, and only \$0\.0\d of your \$0\.10 budget for this month is left\. Try a smaller size, or wait: your budget resets on 1 December at 00:00 UTC \(in 13 days\)\.$/,
    );
    expect(refused.headers.get('retry-after')).toBe(String((Date.UTC(2026, 11, 1) - TEST_NOW) / 1000));
    expect(calls()).toBe(before);
    // Even the smallest size (about $0.045) does not fit in what is left.
    expect((await post(token, { prompt: 'budget three', model: FLASH, imageSize: '512' })).status).toBe(402);
    await h.store.setLimits('Budget', { monthlyUsd: first.json.usage.costUsd });
    const spent = await post(token, { prompt: 'budget four', model: FLASH, imageSize: '512' });
    expect(spent.json.error.message).toMatch(
      /^You have used your \$0\.0\d budget for this month\. Your budget resets on 1 December/,
    );
    // A new month starts from zero.
    h.clock.set(Date.UTC(2026, 11, 1));
    expect((await post(token, { prompt: 'budget five' })).status).toBe(200);
  });
});

describe('requests per minute', () => {
  it('answers 429 past the rate, and lets the next one through once a minute has passed', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Quick', { rpm: 2 });
    expect((await post(token, { prompt: 'rate one' })).status).toBe(200);
    h.clock.advance(20_000);
    expect((await post(token, { prompt: 'rate two' })).status).toBe(200);
    h.clock.advance(10_000);
    const refused = await post(token, { prompt: 'rate three' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toEqual({
      code: 'limit_reached',
      message: 'You have sent 2 requests in the last minute, your limit. Try again in 30 s.',
    });
    expect(refused.headers.get('retry-after')).toBe('30');
    h.clock.advance(30_001);
    expect((await post(token, { prompt: 'rate four' })).status).toBe(200);
  });
});

describe('GET /v1/usage/me', () => {
  it('gives a designer their own day and month, limits, remaining and reset times', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Me', { dailyImages: 5, monthlyUsd: 2, rpm: 30 });
    const made = await post(token, { prompt: 'mine one' });
    await post(token, { prompt: 'mine one' }); // a cache hit: free, not counted
    await post(token, { prompt: 'mine two [double:no-image]' }); // failed: not counted
    const res = await h.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      token: { name: 'Me' },
      now: '2026-11-18T12:00:00.000Z',
      day: {
        resetsAt: '2026-11-19T00:00:00.000Z',
        images: 1,
        cachedImages: 1,
        limitImages: 5,
        remainingImages: 4,
      },
      month: { resetsAt: '2026-12-01T00:00:00.000Z', images: 1, cachedImages: 1, limitUsd: 2 },
      requestsPerMinute: 30,
    });
    expect(body.month.costUsd).toBeGreaterThanOrEqual(made.json.usage.costUsd);
    expect(body.month.remainingUsd).toBeCloseTo(2 - body.month.costUsd, 6);
    expect(body.token.id).toMatch(/^tok_/);
  });

  it('needs a team token', async () => {
    const res = await h.app.request('/v1/usage/me');
    expect(res.status).toBe(401);
  });
});

describe('cancelled requests', () => {
  it('abort the upstream call and are recorded as cancelled', async () => {
    h.clock.set(TEST_NOW);
    const token = await h.addToken('Canceller');
    const controller = new AbortController();
    const before = calls();
    const pending = Promise.resolve(
      h.app.request('/v1/generate', generateRequest({ prompt: 'never mind [double:hang]' }, token, controller.signal)),
    );
    await expect.poll(() => calls()).toBeGreaterThan(before);
    controller.abort();
    await pending.catch(() => undefined);
    await expect.poll(() => h.double.requests.at(-1)?.aborted).toBe(true);
    const row = async () => (await h.store.usageGroups(0)).find((g) => g.tokenName === 'Canceller');
    // Recorded, but not as an error of the proxy's (a cancel is the client's choice).
    await expect.poll(async () => (await row())?.requests).toBe(1);
    expect(await row()).toMatchObject({ requests: 1, images: 0, errors: 0, model: 'gemini-nano-banana-2.1' });
  });
});
