/**
 * The batch's pool (core/batch-pool.ts): at most N calls in flight, a refusal with `Retry-After` waited out and the
 * call sent again (not counted failed), a long wait or a hard failure reported, and Cancel starting nothing more.
 * The clock is the test's own: `sleepAsync` records each wait and resolves at once.
 */
import { describe, expect, it } from 'vitest';
import { MAX_POOL_WAIT_SECONDS, MAX_POOL_WAITS, poolWaitMs, runPoolAsync } from '../../core/batch-pool.js';
import { appError, type AppError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';

const busy = (seconds?: number): AppError => ({
  ...appError('limit_reached', 'You already have 4 requests waiting.'),
  ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
});

describe('poolWaitMs', () => {
  it.each([
    ['a fair-share refusal', busy(30), 0, 30_000],
    ['Gemini rate-limited', { ...appError('upstream_rate_limited'), retryAfterSeconds: 5 }, 0, 5_000],
    ['the queue full', { ...appError('proxy_busy'), retryAfterSeconds: 30 }, 2, 30_000],
    ['Retry-After: 0', busy(0), 0, 1_000],
    ['no Retry-After', busy(), 0, null],
    ['a daily limit, hours away', busy(MAX_POOL_WAIT_SECONDS + 1), 0, null],
    ['after the last wait', busy(5), MAX_POOL_WAITS, null],
    ['a safety refusal', { ...appError('safety_blocked'), retryAfterSeconds: 5 }, 0, null],
  ])('%s', (_, error, waits, expected) => {
    expect(poolWaitMs(error, waits)).toBe(expected);
  });
});

/** Runs the pool over `count` tasks whose attempts answer from `script(index, attempt)`; records what happened. */
async function runAsync(count: number, size: number, script: (index: number, attempt: number) => Result<string>) {
  const controller = new AbortController();
  const attempts = new Map<number, number>();
  const settled = new Map<number, Result<string>>();
  const waits: number[] = [];
  let inFlight = 0;
  let most = 0;
  await runPoolAsync<string>({
    count,
    size,
    signal: controller.signal,
    attemptAsync: async (index) => {
      const attempt = attempts.get(index) ?? 0;
      attempts.set(index, attempt + 1);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return script(index, attempt);
    },
    settle: (index, result) => {
      expect(settled.has(index)).toBe(false);
      settled.set(index, result);
    },
    sleepAsync: async (ms) => {
      waits.push(ms);
    },
  });
  return { attempts, settled, waits, most, controller };
}

describe('runPoolAsync', () => {
  it('keeps at most N calls in flight and settles every task once', async () => {
    const { settled, most } = await runAsync(40, 4, (i) => ok(`r${i}`));
    expect(most).toBe(4);
    expect(settled.size).toBe(40);
    expect([...settled.values()].every((r) => r.ok)).toBe(true);
  });

  it('waits out Retry-After and sends the call again, so a queued call is not counted failed', async () => {
    const { settled, attempts, waits } = await runAsync(10, 4, (i, attempt) =>
      i % 3 === 0 && attempt < 2 ? fail(busy(7)) : ok(`r${i}`),
    );
    expect([...settled.values()].every((r) => r.ok)).toBe(true);
    expect(attempts.get(0)).toBe(3);
    expect(attempts.get(1)).toBe(1);
    expect(waits).toEqual(Array.from({ length: 8 }, () => 7_000));
  });

  it('reports a hard failure, and a refusal it will not wait for, as they came', async () => {
    const { settled, attempts } = await runAsync(3, 2, (i) =>
      i === 0 ? fail(appError('safety_blocked')) : i === 1 ? fail(busy(3600)) : ok('r2'),
    );
    expect(settled.get(0)).toEqual(fail(appError('safety_blocked')));
    expect(settled.get(1)).toEqual(fail(busy(3600)));
    expect(settled.get(2)!.ok).toBe(true);
    expect(attempts.get(0)).toBe(1);
    expect(attempts.get(1)).toBe(1);
  });

  it('gives up on a call after its last wait', async () => {
    const { settled, attempts } = await runAsync(1, 1, () => fail(busy(1)));
    expect(attempts.get(0)).toBe(MAX_POOL_WAITS + 1);
    expect(settled.get(0)).toEqual(fail(busy(1)));
  });

  it('starts nothing after an abort, and a call waiting its turn ends cancelled', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const settled = new Map<number, Result<string>>();
    await runPoolAsync<string>({
      count: 10,
      size: 2,
      signal: controller.signal,
      attemptAsync: async (index) => {
        started.push(index);
        return index === 0 ? fail(busy(5)) : ok(`r${index}`);
      },
      settle: (index, result) => settled.set(index, result),
      // Cancel is pressed while the refused call waits.
      sleepAsync: async () => controller.abort(),
    });
    expect(started).toEqual([0, 1]);
    expect(settled.get(0)).toEqual(fail(appError('cancelled')));
    expect(settled.get(1)!.ok).toBe(true);
    expect(settled.size).toBe(2);
  });
});
