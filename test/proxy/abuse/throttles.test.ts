/**
 * Throttles that fit real networks, through a real HTTP server: `X-Forwarded-For` is believed only from the
 * proxies in `BANANA_TRUSTED_PROXIES`, so a client that reaches the proxy directly cannot pick a new address per
 * guess; a designer's valid team token signs in from an address others have been guessing from (an office NAT);
 * and the admin route has a budget of its own.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../../proxy/server.js';
import { tempDataDir } from '../../support/proxy-harness.js';

const ADMIN = 'admin-token-for-throttle-tests-0123';
const dirs: string[] = [];
const proxies: RunningProxy[] = [];
afterAll(async () => {
  for (const p of proxies) await p.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningProxy> {
  const dir = tempDataDir('banana-throttle');
  dirs.push(dir);
  const proxy = await startProxy(
    { GEMINI_API_KEY: 'AIza-throttle-test', BANANA_ADMIN_TOKEN: ADMIN, BANANA_DATA_DIR: dir, PORT: '0', ...env },
    { writeLog: () => undefined },
  );
  proxies.push(proxy);
  return proxy;
}

async function call(proxy: RunningProxy, token: string, forwardedFor?: string, path = '/v1/usage/me') {
  const res = await fetch(`${proxy.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  });
  return res.status;
}

async function teamToken(proxy: RunningProxy, name: string): Promise<string> {
  const res = await fetch(`${proxy.url}/admin/api/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('forwarded addresses', () => {
  it('are ignored from a peer that is not a trusted proxy: a direct client cannot pick its address', async () => {
    const proxy = await start({
      BANANA_TRUSTED_PROXIES: '10.99.0.0/16',
      BANANA_TRUST_PROXY_HOPS: '1',
      BANANA_AUTH_FAILURES_PER_MIN: '3',
    });
    for (let i = 0; i < 3; i++) expect(await call(proxy, `guess-${i}`, `198.51.100.${i}`)).toBe(401);
    expect(await call(proxy, 'guess-x', '198.51.100.77')).toBe(429);
  });

  it('are believed from a trusted proxy: each client behind it has its own count', async () => {
    const proxy = await start({ BANANA_TRUSTED_PROXIES: '127.0.0.1/32, ::1', BANANA_AUTH_FAILURES_PER_MIN: '3' });
    for (let i = 0; i < 3; i++) expect(await call(proxy, `guess-${i}`, '203.0.113.5')).toBe(401);
    expect(await call(proxy, 'guess-x', '203.0.113.5')).toBe(429);
    // Another client behind the same balancer; a spoofed entry further left changes nothing.
    expect(await call(proxy, 'other-guess', '203.0.113.6')).toBe(401);
    expect(await call(proxy, 'spoofed', '192.0.2.1, 203.0.113.5')).toBe(429);
  });
});

describe('an address others have been guessing from', () => {
  it('still lets a valid team token in, and keeps refusing weak guesses', async () => {
    const proxy = await start({ BANANA_AUTH_FAILURES_PER_MIN: '3', BANANA_DEV_TOKEN: 'weak-dev-token' });
    const designer = await teamToken(proxy, 'Designer behind the NAT');
    for (let i = 0; i < 3; i++) expect(await call(proxy, `guess-${i}`)).toBe(401);
    expect(await call(proxy, 'weak-dev-token')).toBe(429);
    expect(await call(proxy, designer)).toBe(200);
    // A wrong token in the team format is answered 401 (192 bits cannot be guessed), not let through.
    expect(await call(proxy, `bnn_${'A'.repeat(32)}`)).toBe(401);
  });

  it('does not lock the admin out: the admin route has its own budget', async () => {
    const proxy = await start({ BANANA_AUTH_FAILURES_PER_MIN: '3' });
    for (let i = 0; i < 5; i++) await call(proxy, `team-guess-${i}`);
    expect(await call(proxy, ADMIN, undefined, '/admin/api/tokens')).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect(await call(proxy, `admin-guess-${i}-xxxxxxxxxxxx`, undefined, '/admin/api/tokens')).toBe(401);
    }
    expect(await call(proxy, ADMIN, undefined, '/admin/api/tokens')).toBe(429);
  });
});
