/**
 * One person cannot lock the team out of the waiting queue: past their share only they are refused (429 with
 * Retry-After), and everyone else's requests wait and are served in their turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFairQueue } from '../../../proxy/fair-queue.js';
import { generateRequest, startHarness, type Harness } from '../../support/proxy-harness.js';

let h: Harness;
const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 14, maxWaitingPerKey: 10 });
beforeAll(async () => {
  h = await startHarness({ queue });
});
afterAll(async () => {
  await h.close();
});

async function post(token: string, prompt: string) {
  const res = await h.app.request(
    '/v1/generate',
    generateRequest({ prompt, model: 'gemini-3.1-flash-image', imageSize: '512' }, token),
  );
  const code = res.status === 200 ? 'ok' : ((await res.json()) as { error: { code: string } }).error.code;
  return { status: res.status, code, retryAfter: res.headers.get('retry-after') };
}

describe('fair shares of the waiting queue', () => {
  it('refuses only the person over their share; the others are served in turn', async () => {
    const greedy = await h.addToken('Greedy');
    const polite = await h.addToken('Polite');
    const third = await h.addToken('Third');
    const flood = Array.from({ length: 20 }, (_, i) => post(greedy, `flood ${i} [double:slow:40]`));
    await expect.poll(() => queue.waiting).toBe(10);
    // The greedy person is over their own cap of 10 waiting: every one past it is refused at once, with 429.
    const refused = (await Promise.all(flood.slice(11))).map((r) => [r.status, r.code, r.retryAfter]);
    expect(refused).toEqual(Array.from({ length: 9 }, () => [429, 'limit_reached', '30']));
    // The queue (14 places) still has room for the others; filling it bumps the greedy person's newest calls.
    const others = [
      ...Array.from({ length: 4 }, (_, i) => post(polite, `polite ${i}`)),
      ...Array.from({ length: 4 }, (_, i) => post(third, `third ${i}`)),
    ];
    const results = await Promise.all([...flood.slice(0, 11), ...others]);
    expect(results.slice(11).map((r) => r.status)).toEqual(Array(8).fill(200));
    const greedyStatuses = results.slice(0, 11).map((r) => r.status);
    expect(greedyStatuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(greedyStatuses.every((s) => s === 200 || s === 429)).toBe(true);
  });

  it('answers proxy_busy only when the queue holds more people than places', async () => {
    const tiny = createFairQueue({ maxConcurrent: 1, maxWaiting: 1, maxWaitingPerKey: 1 });
    const first = await tiny.acquire('a');
    const waiting = tiny.acquire('a');
    await expect(tiny.acquire('a')).rejects.toMatchObject({ code: 'limit_reached' });
    await expect(tiny.acquire('b')).rejects.toMatchObject({ code: 'proxy_busy' });
    first();
    (await waiting)();
  });

  it('bumps the newest call of the heaviest person for a newcomer when the queue is full', async () => {
    const q = createFairQueue({ maxConcurrent: 1, maxWaiting: 4, maxWaitingPerKey: 4 });
    const running = await q.acquire('a');
    const heavy = [1, 2, 3, 4].map(() => q.acquire('a'));
    const outcomes = heavy.map((p) =>
      p.then(
        () => 'granted',
        (e: { code: string }) => e.code,
      ),
    );
    const newcomer = q.acquire('b');
    expect(await outcomes[3]).toBe('limit_reached');
    expect(q.waiting).toBe(4);
    running();
    // Round-robin: the newcomer (never served) goes before the heavy person's next call.
    (await newcomer)();
    for (const p of heavy.slice(0, 3)) (await p)();
    expect([q.active, q.waiting]).toEqual([0, 0]);
  });
});
