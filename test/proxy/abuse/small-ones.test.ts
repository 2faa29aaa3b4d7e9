/**
 * The small ones: token names are printable text; the scrubber catches pieces and case changes of a secret;
 * offline, `/playground/config.json` (with the dev token) goes only to the playground's own page; a wrong method
 * is 405 with `Allow`; Node's own refusals (bad HTTP, 431) carry the error envelope; "1 second", not "1 seconds".
 */
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../../proxy/scrub-secrets.js';
import { startProxy, type RunningProxy } from '../../../proxy/server.js';
import {
  adminRequest,
  generateRequest,
  startHarness,
  tempDataDir,
  TEST_KEY,
  type Harness,
} from '../../support/proxy-harness.js';

let h: Harness;
let offline: Harness;
beforeAll(async () => {
  h = await startHarness();
  offline = await startHarness({
    backend: { kind: 'offline' },
    devToken: 'dev-token-of-the-playground',
    double: h.double,
  });
});
afterAll(async () => {
  await offline.close();
  await h.close();
});

describe('token names', () => {
  it.each([
    ['a bidi override', 'Ana\u202Egpj.exe'],
    ['a newline', 'Ana\nAdmin'],
    ['a NUL', 'Ana\u0000'],
    ['a zero-width space', 'A\u200Bna'],
    ['an escape sequence', 'Ana\u001b[31m'],
  ])('refuse %s', async (_, name) => {
    const res = await h.app.request('/admin/api/tokens', adminRequest('POST', { name }));
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(json.error.code).toBe('bad_request');
    expect(json.error.message).toMatch(/printable text/);
  });

  it('accept names in any script', async () => {
    const res = await h.app.request('/admin/api/tokens', adminRequest('POST', { name: 'José Ñandú 山田' }));
    expect(res.status).toBe(201);
  });
});

describe('the scrubber', () => {
  it('removes the key, any 8-character piece of it, and any case of it', () => {
    const text = `key ${TEST_KEY} cut ${TEST_KEY.slice(0, 12)}… upper ${TEST_KEY.toUpperCase()} mid ${TEST_KEY.slice(9, 20)}`;
    const out = scrubSecrets(text, [TEST_KEY]);
    for (let i = 0; i + 8 <= TEST_KEY.length; i++) {
      expect(out.toLowerCase()).not.toContain(TEST_KEY.slice(i, i + 8).toLowerCase());
    }
    expect(out).toBe('key [redacted] cut [redacted]… upper [redacted] mid [redacted]');
  });

  it('leaves text that only shares short runs with the key', () => {
    expect(scrubSecrets('AIza is how keys start; a test key alone is fine', [TEST_KEY])).toBe(
      'AIza is how keys start; a test key alone is fine',
    );
  });
});

describe('offline /playground/config.json', () => {
  it('gives the dev token to the playground’s own page', async () => {
    const res = await offline.app.request('http://localhost:8787/playground/config.json', {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(await res.json()).toEqual({ proxyUrl: 'http://localhost:8787', devToken: 'dev-token-of-the-playground' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['another origin', 'http://localhost:8787/playground/config.json', { origin: 'https://evil.example' }],
    ['a cross-site fetch', 'http://localhost:8787/playground/config.json', { 'sec-fetch-site': 'cross-site' }],
    [
      'a rebound domain',
      'http://rebound.example:8787/playground/config.json',
      { origin: 'http://rebound.example:8787' },
    ],
  ])('refuses %s, with no CORS grant', async (_, url, headers) => {
    const res = await offline.app.request(url, { headers });
    const text = await res.text();
    expect(res.status).toBe(403);
    expect(text).not.toContain('dev-token-of-the-playground');
    expect(JSON.parse(text).error.code).toBe('forbidden');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a wrong method', () => {
  it.each([
    ['GET', '/v1/generate', 'POST'],
    ['PUT', '/v1/models', 'GET, HEAD'],
    ['DELETE', '/health', 'GET, HEAD'],
    ['POST', '/v1/usage/me', 'GET, HEAD'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const res = await h.app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it('on the admin API too, once signed in', async () => {
    const res = await h.app.request('/admin/api/tokens', adminRequest('DELETE'));
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, POST, HEAD']);
  });
});

describe('plain words', () => {
  it('say "about 1 second" for a one-second wait', async () => {
    const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'one second [double:429:1s]' }));
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('upstream_rate_limited');
    expect(json.error.message).toMatch(/Wait about 1 second and try again/);
  });
});

describe('Node’s own refusals', () => {
  const dir = tempDataDir('banana-client-error');
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(
      { GEMINI_API_KEY: 'AIza-client-error', BANANA_DATA_DIR: dir, PORT: '0' },
      { writeLog: () => undefined },
    );
  });
  afterAll(async () => {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function raw(bytes: string): Promise<string> {
    const socket = connect(proxy.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.write(bytes);
    await new Promise((resolve) => socket.once('close', resolve));
    return answer;
  }

  it.each([
    ['malformed HTTP', 'THIS IS NOT HTTP\r\n\r\n', 400, 'bad_request'],
    [
      'headers over the limit',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'request_too_large',
    ],
  ])('%s: %s in the envelope', async (_, bytes, status, code) => {
    const answer = await raw(bytes);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      error: { code: string; message: string };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
  });
});
