/**
 * The proxy as `npm start` runs it (real HTTP server from `startProxy`), pointed by environment variables at the
 * Gemini double, with the real SDK in between: one test per failure mode Gemini can produce.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../proxy/server.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { TEAM_TOKEN, TEST_KEY, tempDataDir } from '../support/proxy-harness.js';

let double: GeminiDouble;
let proxy: RunningProxy;
const logs: string[] = [];
const seen: string[] = [];
const dataDirs: string[] = [];
/** Each proxy gets its own store: proxies sharing one data dir would share (and overwrite) the dev token. */
const dataDir = (): string => {
  const dir = tempDataDir();
  dataDirs.push(dir);
  return dir;
};
// Retries wait for real in production; here a "2s" RetryInfo takes 20 ms.
const fastRetries = { config: { retry: { maxAttempts: 3, maxWaitSeconds: 10, baseDelayMs: 1000, delayScale: 0.01 } } };

beforeAll(async () => {
  double = await startGeminiDouble({ apiKey: TEST_KEY });
  proxy = await startProxy(
    {
      PORT: '0',
      GEMINI_API_KEY: TEST_KEY,
      GEMINI_BASE_URL: double.url,
      BANANA_DEV_TOKEN: TEAM_TOKEN,
      BANANA_DATA_DIR: dataDir(),
    },
    { writeLog: (line) => logs.push(line), ...fastRetries },
  );
});
afterAll(async () => {
  await proxy.close();
  await double.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function generate(
  body: object,
  init: RequestInit = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${proxy.url}/v1/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEAM_TOKEN}` },
    body: JSON.stringify(body),
    ...init,
  });
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, json: JSON.parse(text), headers: res.headers };
}

describe('failure modes, end to end over HTTP', () => {
  it.each([
    ['[double:blocked]', 422, 'safety_blocked', /blocked the prompt/],
    ['[double:image-safety]', 422, 'safety_blocked', /You were not charged/],
    ['[double:prohibited]', 422, 'safety_blocked', /prohibited content/],
    ['[double:no-image]', 422, 'no_image_returned', /could not make an image/],
    ['[double:text-only]', 422, 'no_image_returned', /It said: "/],
    ['[double:429]', 429, 'upstream_rate_limited', /Wait about 2 seconds/],
    ['[double:500]', 502, 'upstream_error', /internal error/],
    ['[double:503]', 503, 'upstream_unavailable', /overloaded or unavailable/],
    ['[double:504]', 504, 'upstream_timeout', /too long/],
    ['[double:400]', 502, 'upstream_rejected', /Gemini rejected the request/],
    ['[double:drop]', 503, 'upstream_unavailable', /connection to Gemini failed/],
    ['[double:corrupt-image]', 502, 'upstream_error', /could not be read/],
  ])('%s → %i %s', async (trigger, status, code, message) => {
    const res = await generate({ prompt: `a cat ${trigger}` });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toMatch(message);
  });

  it('passes RetryInfo on as Retry-After', async () => {
    const res = await generate({ prompt: 'a cat [double:429:7s]' });
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it.each([
    ['[double:thoughts]', 'image/jpeg'],
    ['[double:multi-image]', 'image/jpeg'],
    ['[double:png]', 'image/png'],
  ])('%s → the final image, measured from its header', async (trigger, mimeType) => {
    const res = await generate({ prompt: `a dog ${trigger}`, model: 'gemini-3-pro-image', aspectRatio: '3:2' });
    expect(res.status).toBe(200);
    expect(res.json.image).toMatchObject({ mimeType, width: 1264, height: 848 });
  });

  it('aborts the upstream call when the client goes away', async () => {
    const before = double.requests.length;
    const controller = new AbortController();
    const pending = generate({ prompt: 'a slow one [double:hang]' }, { signal: controller.signal });
    await waitFor(() => double.requests.length > before);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await waitFor(() => double.requests.slice(before).some((r) => r.aborted));
    expect(double.requests.slice(before).find((r) => r.aborted)).toBeTruthy();
  });

  it('reports a rejected key as the proxy’s problem, without echoing any key', async () => {
    const wrongKey = 'AIzaSy-wrong-key-of-the-proxy-999';
    const misconfigured = await startProxy(
      {
        PORT: '0',
        GEMINI_API_KEY: wrongKey,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: TEAM_TOKEN,
        BANANA_DATA_DIR: dataDir(),
      },
      { writeLog: (line) => logs.push(line) },
    );
    try {
      const res = await fetch(`${misconfigured.url}/v1/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEAM_TOKEN}` },
        body: JSON.stringify({ prompt: 'x' }),
      });
      const text = await res.text();
      expect(res.status).toBe(502);
      expect(JSON.parse(text).error.code).toBe('upstream_auth_failed');
      expect(text).not.toContain(wrongKey);
      expect(logs.join('\n')).not.toContain(wrongKey);
    } finally {
      await misconfigured.close();
    }
  });

  it('never puts the key in any response body, header or log line', async () => {
    await generate({ prompt: 'one more for the record' });
    expect(seen.length).toBeGreaterThan(20);
    expect(logs.length).toBeGreaterThan(10);
    for (const text of [...seen, ...logs]) expect(text).not.toContain(TEST_KEY);
  });
});

describe('the SDK really talked to the double', () => {
  it('sent the key in x-goog-api-key, never in the URL', () => {
    const calls = double.requests.filter((r) => r.path.includes(':generateContent'));
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls) expect(call.path).not.toContain(TEST_KEY);
    expect(calls.some((c) => c.headers['x-goog-api-key'] === TEST_KEY)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('offline mode, as `npm start` runs with no credentials', () => {
  it('starts its own double, says so in /health, and serves a generated dev token', async () => {
    const offline = await startProxy({ PORT: '0', BANANA_DATA_DIR: dataDir() }, { writeLog: () => {} });
    try {
      const health = await (await fetch(`${offline.url}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', mode: 'offline' });
      expect(offline.devToken).toMatch(/^dev-[A-Za-z0-9_-]{20,}$/);
      const res = await fetch(`${offline.url}/v1/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${offline.devToken}` },
        body: JSON.stringify({ prompt: 'a banana on a desk', aspectRatio: '16:9' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).image).toMatchObject({ width: 1376, height: 768 });
      // An admin token is generated too, and the dev token shows as "dev" with no limits.
      expect(offline.adminToken).toMatch(/^admin-[A-Za-z0-9_-]{30,}$/);
      const tokens = await (
        await fetch(`${offline.url}/admin/api/tokens`, { headers: { authorization: `Bearer ${offline.adminToken}` } })
      ).json();
      expect(tokens.tokens).toEqual([
        expect.objectContaining({
          name: 'dev',
          kind: 'dev',
          limits: { dailyImages: null, monthlyUsd: null, rpm: null },
        }),
      ]);
      const config = await (await fetch(`${offline.url}/playground/config.json`)).json();
      expect(config).toEqual({ proxyUrl: offline.url, devToken: offline.devToken });
    } finally {
      await offline.close();
    }
  });

  it('keeps the admin routes off with real credentials and no BANANA_ADMIN_TOKEN, and hands out no token', async () => {
    expect(
      await (
        await fetch(`${proxy.url}/admin/api/tokens`, { headers: { authorization: `Bearer ${TEAM_TOKEN}` } })
      ).json(),
    ).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/BANANA_ADMIN_TOKEN is not set/) } });
    expect(await (await fetch(`${proxy.url}/playground/config.json`)).json()).toEqual({
      proxyUrl: proxy.url,
      devToken: null,
    });
  });

  it('keeps usage across a restart on the same data dir', async () => {
    const dir = dataDir();
    const env = { PORT: '0', GEMINI_API_KEY: TEST_KEY, GEMINI_BASE_URL: double.url, BANANA_DATA_DIR: dir };
    const first = await startProxy({ ...env, BANANA_ADMIN_TOKEN: 'restart-admin-token-0123' }, { writeLog: () => {} });
    const created = await (
      await fetch(`${first.url}/admin/api/tokens`, {
        method: 'POST',
        headers: { authorization: 'Bearer restart-admin-token-0123', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kept', dailyImages: 1 }),
      })
    ).json();
    // The status, after reading the whole body: one left unread errors when its proxy closes.
    const ask = async (url: string): Promise<number> => {
      const res = await fetch(`${url}/v1/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.token}` },
        body: JSON.stringify({ prompt: `restart ${Math.random()}` }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await ask(first.url)).toBe(200);
    await first.close();
    const second = await startProxy(env, { writeLog: () => {} });
    try {
      // Same token, same count: the one image of the day is already used.
      expect(await ask(second.url)).toBe(429);
    } finally {
      await second.close();
    }
  });
});
