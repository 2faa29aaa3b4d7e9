/**
 * What happens between the proxy and Gemini, through the whole app and the real SDK against the double: retries
 * with backoff that honour RetryInfo within the deadline, the cap on concurrent calls with fair queueing, and
 * what the log line says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, encodePng } from '../../core/png.js';
import { createFairQueue } from '../../proxy/fair-queue.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Calls the double got whose prompt contains `marker`. */
const callsFor = (harness: Harness, marker: string) =>
  harness.double.requests.filter((r) => JSON.stringify(r.body ?? '').includes(marker));

async function post(harness: Harness, body: object, signal?: AbortSignal) {
  const res = await harness.app.request('/v1/generate', generateRequest(body, undefined, signal));
  return { status: res.status, json: await res.json(), headers: res.headers, id: res.headers.get('x-request-id')! };
}

describe('retries', () => {
  it.each([
    ['a 503 once', 'retry-a [double:flaky-503]', 2],
    ['a 429 once', 'retry-b [double:flaky-429:1]', 2],
    ['a 500 twice', 'retry-c [double:flaky-500:2]', 3],
  ])('recover from %s', async (_name, prompt, expectedCalls) => {
    const res = await post(h, { prompt });
    expect(res.status).toBe(200);
    expect(callsFor(h, prompt)).toHaveLength(expectedCalls);
    expect((await h.store.usageRecord(res.id))?.attempts).toBe(expectedCalls);
  });

  it('give up after 3 attempts', async () => {
    const res = await post(h, { prompt: 'retry-d [double:503]' });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('upstream_unavailable');
    expect(callsFor(h, 'retry-d')).toHaveLength(3);
  });

  it.each([
    ['a 400', 'retry-e [double:400]', 502],
    ['a blocked prompt', 'retry-f [double:blocked]', 422],
  ])('never retry %s', async (_name, prompt, status) => {
    expect((await post(h, { prompt })).status).toBe(status);
    expect(callsFor(h, prompt)).toHaveLength(1);
  });

  it('answer a RetryInfo longer than 10 s at once with 429 and Retry-After', async () => {
    const res = await post(h, { prompt: 'retry-g [double:429:30s]' });
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('upstream_rate_limited');
    expect(res.headers.get('retry-after')).toBe('30');
    expect(callsFor(h, 'retry-g')).toHaveLength(1);
  });

  it('wait what RetryInfo asks for, never less', async () => {
    // The double's 429 says "2s"; with delayScale 0.01 in the harness that is a 20 ms wait, plus up to 20 %.
    const started = performance.now();
    const res = await post(h, { prompt: 'retry-h [double:flaky-429:1]' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
    const [first, second] = callsFor(h, 'retry-h');
    expect(second).toBeDefined();
    expect(first!.status).toBe(429);
  });

  it('never wait past the request’s deadline', async () => {
    // 120 s for 1K on 3.1 Flash scaled to 2.4 s; real waits (delayScale 1): a 5 s RetryInfo cannot fit.
    const slowClock = await startHarness({
      timeoutScale: 0.02,
      retry: { maxAttempts: 3, maxWaitSeconds: 10, baseDelayMs: 1000, delayScale: 1 },
    });
    try {
      const started = performance.now();
      const res = await post(slowClock, { prompt: 'retry-i [double:429:5s]' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(callsFor(slowClock, 'retry-i')).toHaveLength(1);
      // Answered at once: a 5 s wait would take longer than this, however busy the machine.
      expect(performance.now() - started).toBeLessThan(4000);
    } finally {
      await slowClock.close();
    }
  });
});

describe('the concurrency cap', () => {
  it('serves people round-robin: a burst from one does not make another wait behind all of it', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 50 });
    const fair = await startHarness({ queue });
    try {
      const bo = await fair.addToken('Bo');
      const burst = Array.from({ length: 4 }, (_, i) =>
        fair.app.request('/v1/generate', generateRequest({ prompt: `burst ${i} [double:slow:60]` })),
      );
      await expect.poll(() => queue.waiting).toBe(3);
      const other = fair.app.request('/v1/generate', generateRequest({ prompt: 'other one' }, bo));
      const statuses = await Promise.all([...burst, other].map(async (r) => (await r).status));
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const order = fair.double.requests.map((r) => JSON.stringify(r.body).match(/(burst \d|other one)/)?.[1]);
      expect(order).toEqual(['burst 0', 'other one', 'burst 1', 'burst 2', 'burst 3']);
    } finally {
      await fair.close();
    }
  });

  it('drops a queued request the client cancels: it never reaches Gemini and is recorded as cancelled', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 50 });
    const q = await startHarness({ queue });
    try {
      const first = new AbortController();
      const running = Promise.resolve(
        q.app.request(
          '/v1/generate',
          generateRequest({ prompt: 'holds the slot [double:hang]' }, undefined, first.signal),
        ),
      );
      await expect.poll(() => q.double.requests.length).toBe(1);
      const second = new AbortController();
      const queued = Promise.resolve(
        q.app.request('/v1/generate', generateRequest({ prompt: 'waits' }, undefined, second.signal)),
      );
      await expect.poll(() => queue.waiting).toBe(1);
      second.abort();
      await queued.catch(() => undefined);
      await expect.poll(() => queue.waiting).toBe(0);
      first.abort();
      await running.catch(() => undefined);
      await expect.poll(() => queue.active).toBe(0);
      expect(q.double.requests).toHaveLength(1);
      const groups = await q.store.usageGroups(0);
      // Both recorded (below), neither counted as an error: cancelling is the client's choice.
      expect(groups.reduce((n, g) => n + g.errors, 0)).toBe(0);
      expect(await q.store.countUsage()).toBe(2);
      await expect.poll(() => q.logs.map((l) => JSON.parse(l).outcome)).toEqual(['cancelled', 'cancelled']);
      const rows = await Promise.all(q.logs.map((l) => q.store.usageRecord(JSON.parse(l).requestId)));
      // The queued one never reached Gemini: no attempts, no cost. The running one may be billed: its estimate.
      expect(rows.map((r) => [r?.outcome, r?.attempts, (r?.costUsd ?? 0) > 0])).toEqual([
        ['cancelled', 0, false],
        ['cancelled', 1, true],
      ]);
    } finally {
      await q.close();
    }
  });

  it('answers proxy_busy when the queue is full', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 1 });
    const q = await startHarness({ queue });
    try {
      const slow = [0, 1].map((i) =>
        q.app.request('/v1/generate', generateRequest({ prompt: `busy ${i} [double:slow:150]` })),
      );
      await expect.poll(() => queue.waiting).toBe(1);
      // Another person: the queue has one place and two people want it (the same person would get 429).
      const other = await q.addToken('Queued second');
      const res = await q.app.request('/v1/generate', generateRequest({ prompt: 'one too many' }, other));
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('proxy_busy');
      expect(res.headers.get('retry-after')).toBe('30');
      expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      await q.close();
    }
  });
});

describe('log lines', () => {
  it('say who, which model, the outcome, the latency and the cost, never the prompt by default', async () => {
    h.logs.length = 0;
    await post(h, { prompt: 'a secret product called zebra', imageSize: '2K' });
    const line = JSON.parse(h.logs.at(-1)!);
    expect(line).toMatchObject({
      path: '/v1/generate',
      tokenName: 'Ana',
      model: 'gemini-nano-banana-2.1',
      imageSize: '2K',
      outcome: 'ok',
      cached: false,
      attempts: 1,
    });
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.ms).toBeGreaterThanOrEqual(0);
    // 2.1 2K: 1680 image tokens at $30/M, and the answer's thinking at $7.5/M.
    expect(line.costUsd).toBeGreaterThan(0.0504);
    expect(h.logs.at(-1)).not.toContain('zebra');
    expect(line).not.toHaveProperty('prompt');
  });

  it('carry the prompt text, truncated, when BANANA_LOG_PROMPTS is on; never images or tokens', async () => {
    const logged = await startHarness({ logPrompts: true });
    try {
      const prompt = `a giraffe ${'very '.repeat(100)}tall`;
      const image = Buffer.from(encodePng(createImage(4, 5, [9, 8, 7, 255]))).toString('base64');
      const res = await logged.app.request(
        '/v1/generate',
        generateRequest({ prompt, aspectRatio: '4:5', images: [{ data: image, mimeType: 'image/png', role: 'base' }] }),
      );
      expect(res.status).toBe(200);
      const line = JSON.parse(logged.logs.at(-1)!);
      expect(line.prompt).toBe(`${prompt.slice(0, 200)}…`);
      expect(logged.logs.at(-1)!.length).toBeLessThan(1000);
      expect(logged.logs.at(-1)).not.toContain(image.slice(0, 24));
      expect(logged.logs.at(-1)).not.toContain('team-token-for-tests');
    } finally {
      await logged.close();
    }
  });
});
