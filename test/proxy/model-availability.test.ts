/**
 * The start-up and hourly model check (proxy/model-availability.ts) against the Gemini double, whose key is told
 * it cannot reach some models (`unreachableModels`): they leave `/v1/models`, a request naming one gets
 * `model_unavailable` naming the replacement, the admin API says which and why, and a check that fails keeps
 * every configured model offered.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsResponseSchema } from '../../core/proxy-schema.js';
import { createGeminiClient } from '../../proxy/gemini-client.js';
import { createModelAvailability, type CheckTimers } from '../../proxy/model-availability.js';
import { startProxy } from '../../proxy/server.js';
import { startGeminiDouble } from '../../dev/gemini-double/server.js';
import {
  adminRequest,
  generateRequest,
  startHarness,
  tempDataDir,
  TEAM_TOKEN,
  TEST_KEY,
  testClock,
  type Harness,
} from '../support/proxy-harness.js';
import { loadRegistry } from '../support/registry.js';

const registry = loadRegistry();

describe('a key that cannot reach Nano Banana 2 and the 2.5 models', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ unreachableModels: ['gemini-3.1-flash-image', 'gemini-2.5-flash-image'] });
  });
  afterAll(async () => {
    await h.close();
  });

  it('leaves them out of /v1/models and says where their designers go', async () => {
    const body = modelsResponseSchema.parse(await (await h.app.request('/v1/models')).json());
    expect(body.models.map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'gemini-3-pro-image']);
    expect(body.defaultModel).toBe('gemini-nano-banana-2.1');
    expect(body.unavailable).toEqual([
      { id: 'gemini-3.1-flash-image', label: 'Nano Banana 2 (3.1 Flash Image)', replacement: 'gemini-nano-banana-2.1' },
      { id: 'gemini-2.5-flash-image', label: 'Nano Banana (2.5 Flash Image)', replacement: 'gemini-nano-banana-2.1' },
    ]);
  });

  it('refuses a request naming one with 410 model_unavailable and the replacement, without calling Gemini', async () => {
    const before = h.double.requests.length;
    const res = await h.app.request(
      '/v1/generate',
      generateRequest({ prompt: 'a red kite', model: 'gemini-3.1-flash-image' }),
    );
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({
      error: {
        code: 'model_unavailable',
        message: 'Nano Banana 2 (3.1 Flash Image) is no longer available to this team; use Nano Banana 2.1.',
      },
    });
    expect(h.double.requests.length).toBe(before);
    const rows = await h.store.usageGroups(0);
    expect(rows.find((r) => r.model === 'gemini-3.1-flash-image')).toMatchObject({ requests: 1, errors: 1 });
  });

  it('lists on the admin API which models are not offered, and why', async () => {
    const res = await h.app.request('/admin/api/models', adminRequest('GET'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.error).toBeNull();
    expect(body.checkedAt).toBe(new Date(h.clock.now()).toISOString());
    expect(body.models).toEqual([
      { id: 'gemini-nano-banana-2.1', label: 'Nano Banana 2.1', status: 'current', available: true, reason: null },
      {
        id: 'gemini-3-pro-image',
        label: 'Nano Banana Pro (3 Pro Image)',
        status: 'current',
        available: true,
        reason: null,
      },
      {
        id: 'gemini-3.1-flash-image',
        label: 'Nano Banana 2 (3.1 Flash Image)',
        status: 'deprecated',
        available: false,
        reason: "not in this key's model list",
      },
      {
        id: 'gemini-2.5-flash-image',
        label: 'Nano Banana (2.5 Flash Image)',
        status: 'legacy',
        available: false,
        reason: "not in this key's model list",
      },
    ]);
    expect((await h.app.request('/admin/api/models', generateRequest({}))).status).toBe(403);
  });
});

describe('a model the key lost after the last check', () => {
  it('is refused with model_unavailable when Gemini answers 404, and the check runs again at once', async () => {
    const h = await startHarness({ unreachableModels: ['gemini-3.1-flash-image'], checkModels: false });
    try {
      const listed = async () =>
        modelsResponseSchema.parse(await (await h.app.request('/v1/models')).json()).models.map((m) => m.id);
      expect(await listed()).toContain('gemini-3.1-flash-image');
      const res = await h.app.request(
        '/v1/generate',
        generateRequest({ prompt: 'a blue kite', model: 'gemini-3.1-flash-image' }),
      );
      expect(res.status).toBe(410);
      expect((await res.json()).error).toEqual({
        code: 'model_unavailable',
        message: 'Nano Banana 2 (3.1 Flash Image) is no longer available to this team; use Nano Banana 2.1.',
      });
      expect(h.double.requests.find((r) => r.method === 'POST')).toMatchObject({ status: 404 });
      await expect.poll(listed).not.toContain('gemini-3.1-flash-image');
    } finally {
      await h.close();
    }
  });
});

describe('when the default model is the one gone', () => {
  it('moves the default, and a model whose replacement is gone too, to the first current model left', async () => {
    const h = await startHarness({ unreachableModels: ['gemini-nano-banana-2.1'] });
    try {
      const body = modelsResponseSchema.parse(await (await h.app.request('/v1/models')).json());
      expect(body.defaultModel).toBe('gemini-3-pro-image');
      expect(body.unavailable).toEqual([
        { id: 'gemini-nano-banana-2.1', label: 'Nano Banana 2.1', replacement: 'gemini-3-pro-image' },
      ]);
      const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'x' }));
      expect((await res.json()).error.message).toBe(
        'Nano Banana 2.1 is no longer available to this team; use Nano Banana Pro (3 Pro Image).',
      );
    } finally {
      await h.close();
    }
  });
});

/** Timers a test fires by hand: the hourly check runs when the test says an hour has passed. */
function manualTimers(): CheckTimers & { fire(): void; intervals: number[]; cleared: number } {
  let run: (() => void) | null = null;
  const timers = {
    intervals: [] as number[],
    cleared: 0,
    setInterval(fn: () => void, ms: number) {
      run = fn;
      timers.intervals.push(ms);
      return 'handle';
    },
    clearInterval(handle: unknown) {
      if (handle === 'handle') timers.cleared++;
      run = null;
    },
    fire: () => run?.(),
  };
  return timers;
}

describe('the hourly check', () => {
  it('asks again every hour, keeps serving everything when the list call fails, and stops on close', async () => {
    const double = await startGeminiDouble({ apiKey: TEST_KEY, unreachableModels: ['gemini-2.5-flash-image'] });
    const clock = testClock();
    const timers = manualTimers();
    const errors: string[] = [];
    const availability = createModelAvailability({
      gemini: createGeminiClient({ backend: 'gemini', apiKey: TEST_KEY, baseUrl: double.url }),
      registry,
      clock,
      timers,
      onError: (message) => errors.push(message),
    });
    const lists = (): number => double.requests.filter((r) => r.path === '/v1beta/models').length;
    try {
      await availability.start();
      expect(timers.intervals).toEqual([3_600_000]);
      expect(lists()).toBe(1);
      expect([...availability.unreachable().keys()]).toEqual(['gemini-2.5-flash-image']);

      clock.advance(3_600_000);
      timers.fire();
      await expect.poll(() => availability.report().checkedAt).toBe(clock.now());
      expect(lists()).toBe(2);

      // Gemini goes away: the next check fails, and every configured model is offered again, with the reason kept.
      await double.close();
      clock.advance(3_600_000);
      timers.fire();
      await expect.poll(() => availability.report().checkedAt).toBe(clock.now());
      const report = availability.report();
      expect(report.error).toMatch(/^list failed: The connection to Gemini failed/);
      expect(report.models.every((m) => m.available)).toBe(true);
      expect(availability.unreachable().size).toBe(0);
      expect(errors).toEqual([report.error]);
    } finally {
      availability.stop();
      await double.close().catch(() => undefined);
    }
    expect(timers.cleared).toBe(1);
  });
});

describe('npm start in offline mode', () => {
  it('takes GEMINI_DOUBLE_UNREACHABLE for the built-in double and checks the models at start-up', async () => {
    const dataDir = tempDataDir();
    const proxy = await startProxy(
      {
        PORT: '0',
        BANANA_DATA_DIR: dataDir,
        BANANA_DEV_TOKEN: TEAM_TOKEN,
        GEMINI_DOUBLE_UNREACHABLE: 'gemini-3.1-flash-image, gemini-2.5-flash-image',
      },
      { writeLog: () => {}, modelCheckTimers: manualTimers() },
    );
    try {
      const body = modelsResponseSchema.parse(await (await fetch(`${proxy.url}/v1/models`)).json());
      expect(body.models.map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'gemini-3-pro-image']);
      const res = await fetch(`${proxy.url}/admin/api/models`, adminRequest('GET', undefined, proxy.adminToken!));
      const report = await res.json();
      expect(
        report.models.filter((m: { available: boolean }) => !m.available).map((m: { id: string }) => m.id),
      ).toEqual(['gemini-3.1-flash-image', 'gemini-2.5-flash-image']);
    } finally {
      await proxy.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
