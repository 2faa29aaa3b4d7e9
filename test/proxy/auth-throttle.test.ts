/**
 * Token guessing is slowed: wrong tokens are counted per client address and over the whole instance, and past the
 * limit the answer is 429 with `Retry-After`, the same whether the token tried is valid or not. Through the whole
 * app, with the client address taken from `X-Forwarded-For` as behind one load balancer (the TCP peer, given as
 * the Node server would, is the balancer at 10.255.0.1, inside `trustedProxies`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthThrottle } from '../../proxy/auth-throttle.js';
import { ADMIN_TOKEN, startHarness, TEAM_TOKEN, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    trustProxyHops: 1,
    trustedProxies: ['10.255.0.0/16'],
    authFailuresPerClient: 5,
    authFailuresGlobal: 12,
  });
});
afterAll(async () => {
  await h.close();
});

/** What @hono/node-server hands the app as `c.env`: the request's socket, here the balancer's. */
const VIA_BALANCER = { incoming: { socket: { remoteAddress: '10.255.0.1' } } };

async function usageMe(token: string, from: string, path = '/v1/usage/me') {
  const res = await h.app.request(
    path,
    { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': from } },
    VIA_BALANCER,
  );
  return { status: res.status, json: await res.json(), retryAfter: res.headers.get('retry-after') };
}

describe('wrong tokens from one address', () => {
  it('are answered 401 five times, then 429 with Retry-After, for valid and invalid tokens alike', async () => {
    h.clock.advance(120_000);
    for (let i = 0; i < 5; i++) expect((await usageMe(`guess-${i}`, '10.0.0.1')).status).toBe(401);
    const guess = await usageMe('guess-6', '10.0.0.1');
    const valid = await usageMe(TEAM_TOKEN, '10.0.0.1');
    expect([guess.status, guess.json.error.code]).toEqual([429, 'limit_reached']);
    expect(guess.json.error.message).toMatch(/Too many wrong tokens were tried from here/);
    // Nothing tells a guesser that the second token exists.
    expect(valid).toEqual(guess);
    expect(Number(guess.retryAfter)).toBeGreaterThan(0);
    expect(Number(guess.retryAfter)).toBeLessThanOrEqual(60);
    // Generate is guarded the same way, before the body is even read.
    const res = await h.app.request(
      '/v1/generate',
      { method: 'POST', headers: { authorization: `Bearer ${TEAM_TOKEN}`, 'x-forwarded-for': '10.0.0.1' }, body: '{}' },
      VIA_BALANCER,
    );
    expect(res.status).toBe(429);
  });

  it('do not hold up another address, and the address may try again once its minute is over', async () => {
    expect((await usageMe(TEAM_TOKEN, '10.0.0.2')).status).toBe(200);
    h.clock.advance(60_000);
    expect((await usageMe(TEAM_TOKEN, '10.0.0.1')).status).toBe(200);
  });

  it('count by the address the load balancer saw, not by what the client wrote further left', async () => {
    h.clock.advance(120_000);
    for (let i = 0; i < 5; i++) await usageMe(`spoof-${i}`, `203.0.113.${i}, 10.0.0.3`);
    expect((await usageMe('spoof-x', '198.51.100.7, 10.0.0.3')).status).toBe(429);
  });

  it('include wrong admin tokens on the admin API', async () => {
    h.clock.advance(120_000);
    for (let i = 0; i < 5; i++) {
      expect((await usageMe(`admin-guess-${i}-xxxxxxxx`, '10.0.0.4', '/admin/api/tokens')).status).toBe(401);
    }
    expect((await usageMe(ADMIN_TOKEN, '10.0.0.4', '/admin/api/tokens')).status).toBe(429);
    expect((await usageMe(ADMIN_TOKEN, '10.0.0.5', '/admin/api/tokens')).status).toBe(200);
  });
});

describe('wrong tokens from many addresses', () => {
  it('past the instance-wide limit refuse new addresses but not ones that signed in lately', async () => {
    h.clock.advance(120_000);
    expect((await usageMe(TEAM_TOKEN, '10.1.0.1')).status).toBe(200); // a designer, known-good from now on
    for (let i = 0; i < 12; i++) expect((await usageMe(`spray-${i}`, `10.2.0.${i}`)).status).toBe(401);
    const stranger = await usageMe(TEAM_TOKEN, '10.3.0.1');
    expect([stranger.status, stranger.json.error.code]).toEqual([429, 'limit_reached']);
    expect((await usageMe(TEAM_TOKEN, '10.1.0.1')).status).toBe(200);
    h.clock.advance(60_000);
    expect((await usageMe(TEAM_TOKEN, '10.3.0.1')).status).toBe(200);
  });
});

describe('the throttle itself', () => {
  it('remembers a bounded number of addresses', () => {
    const throttle = createAuthThrottle({ perClient: 1, global: 1_000_000, maxClients: 100 });
    for (let i = 0; i < 10_000; i++) throttle.failed(`addr-${i}`, 0);
    // The newest are still refused; the oldest were forgotten (they cost memory, not safety: 1 try each).
    expect(throttle.waitMs('addr-9999', 1)).toBeGreaterThan(0);
    expect(throttle.waitMs('addr-0', 1)).toBe(0);
  });

  it('with no address to go by (no proxy trusted, no socket), counts every client as one', async () => {
    const plain = await startHarness({ authFailuresPerClient: 2 });
    try {
      for (const token of ['a1', 'a2']) {
        expect(
          (await plain.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${token}` } })).status,
        ).toBe(401);
      }
      const res = await plain.app.request('/v1/usage/me', {
        headers: { authorization: `Bearer ${TEAM_TOKEN}`, 'x-forwarded-for': '10.9.9.9' },
      });
      expect(res.status).toBe(429);
    } finally {
      await plain.close();
    }
  });
});
