import { describe, expect, it } from 'vitest';
import { createFairQueue } from '../../proxy/fair-queue.js';
import { ProxyError } from '../../proxy/proxy-error.js';

/** Enqueues `key`'s request named `label`; returns the release promise and records when it was granted. */
function enqueue(
  queue: ReturnType<typeof createFairQueue>,
  order: string[],
  key: string,
  label: string,
  signal?: AbortSignal,
) {
  return queue.acquire(key, signal).then((release) => {
    order.push(label);
    return release;
  });
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('createFairQueue', () => {
  it('runs up to the cap at once and queues the rest', async () => {
    const queue = createFairQueue({ maxConcurrent: 2, maxWaiting: 10 });
    const order: string[] = [];
    const releases = ['a1', 'a2', 'a3'].map((l) => enqueue(queue, order, 'a', l));
    await tick();
    expect(order).toEqual(['a1', 'a2']);
    expect([queue.active, queue.waiting]).toEqual([2, 1]);
    (await releases[0]!)();
    await tick();
    expect(order).toEqual(['a1', 'a2', 'a3']);
  });

  it('serves people round-robin, so one burst cannot starve the others', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 100 });
    const order: string[] = [];
    const requests: [string, string][] = [
      ['ana', 'ana1'],
      ['ana', 'ana2'],
      ['ana', 'ana3'],
      ['ana', 'ana4'],
      ['ana', 'ana5'],
      ['ben', 'ben1'],
      ['ben', 'ben2'],
      ['cy', 'cy1'],
    ];
    const granted = new Map(requests.map(([key, label]) => [label, enqueue(queue, order, key, label)]));
    // Each call finishes after the next has been let through: release the one granted last.
    for (let i = 0; i < requests.length; i++) {
      await tick();
      (await granted.get(order.at(-1)!)!)();
    }
    expect(order).toEqual(['ana1', 'ben1', 'cy1', 'ana2', 'ben2', 'ana3', 'ana4', 'ana5']);
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses at once with proxy_busy when the queue is full', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 2 });
    const first = await queue.acquire('a');
    const waiting = [queue.acquire('a'), queue.acquire('b')];
    const refused = queue.acquire('c');
    await expect(refused).rejects.toMatchObject({ code: 'proxy_busy', headers: { 'Retry-After': '30' } });
    await expect(refused).rejects.toThrow(/2 requests waiting/);
    first();
    // b has not been served yet, so b goes before a's second call.
    (await waiting[1]!)();
    (await waiting[0]!)();
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it('drops a waiting request whose client gave up, and never runs it', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 10 });
    const order: string[] = [];
    const running = await queue.acquire('a');
    const controller = new AbortController();
    const gaveUp = enqueue(queue, order, 'b', 'b1', controller.signal);
    const next = enqueue(queue, order, 'c', 'c1');
    expect(queue.waiting).toBe(2);
    controller.abort();
    await expect(gaveUp).rejects.toBeInstanceOf(ProxyError);
    await expect(gaveUp).rejects.toMatchObject({ code: 'cancelled' });
    expect(queue.waiting).toBe(1);
    running();
    (await next)();
    expect(order).toEqual(['c1']);
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses an already aborted request, and ignores a second release', async () => {
    const queue = createFairQueue({ maxConcurrent: 1, maxWaiting: 10 });
    await expect(queue.acquire('a', AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
    const release = await queue.acquire('a');
    release();
    release();
    expect(queue.active).toBe(0);
    const again = await queue.acquire('a');
    expect(queue.active).toBe(1);
    again();
  });
});
