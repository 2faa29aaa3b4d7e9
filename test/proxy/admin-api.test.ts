/**
 * `/admin/api/*` through `app.request()`: who may call it, and the token and usage operations the admin page and
 * the CLI share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  adminRequest,
  generateRequest,
  startHarness,
  TEAM_TOKEN,
  TEST_NOW,
  type Harness,
} from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function admin(method: string, path: string, body?: unknown, token?: string) {
  const res = await h.app.request(`/admin/api${path}`, adminRequest(method, body, token));
  return { status: res.status, json: await res.json() };
}

describe('who may call the admin API', () => {
  it.each([
    ['no token', undefined, 401, /Authorization: Bearer <BANANA_ADMIN_TOKEN>/],
    ['a wrong token', 'Bearer not-the-admin-token', 401, /admin token is not valid/],
    ['a valid team token', `Bearer ${TEAM_TOKEN}`, 403, /This is a team token/],
  ])('%s → %i', async (_name, authorization, status, message) => {
    const res = await h.app.request('/admin/api/tokens', { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
  });

  it('nobody at all when BANANA_ADMIN_TOKEN is not set, with a 403 that says how to set it', async () => {
    const off = await startHarness({ adminToken: null });
    try {
      for (const token of [ADMIN_TOKEN, TEAM_TOKEN]) {
        const res = await off.app.request('/admin/api/tokens', adminRequest('GET', undefined, token));
        expect(res.status).toBe(403);
        const body = await res.json();
        expect(body.error.code).toBe('forbidden');
        expect(body.error.message).toMatch(/BANANA_ADMIN_TOKEN is not set.*openssl rand/);
      }
    } finally {
      await off.close();
    }
  });
});

describe('tokens', () => {
  it('creates one, shows it once, lists it without it, and the token works at once', async () => {
    const created = await admin('POST', '/tokens', { name: 'Dana', dailyImages: 20, monthlyUsd: 15.5, rpm: 6 });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Dana',
      kind: 'team',
      limits: { dailyImages: 20, monthlyUsd: 15.5, rpm: 6 },
      createdAt: new Date(TEST_NOW).toISOString(),
      revokedAt: null,
    });
    expect(created.json.token).toMatch(/^bnn_[A-Za-z0-9_-]{32,}$/);
    const list = await admin('GET', '/tokens');
    const dana = list.json.tokens.find((t: { name: string }) => t.name === 'Dana');
    expect(dana).toEqual({ ...created.json, token: undefined, lastUsedAt: null });
    expect(JSON.stringify(list.json)).not.toContain(created.json.token);
    const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'from Dana' }, created.json.token));
    expect(res.status).toBe(200);
  });

  it('changes limits by id or by name; null removes one', async () => {
    const created = await admin('POST', '/tokens', { name: 'Eli', dailyImages: 3 });
    const byId = await admin('PATCH', `/tokens/${created.json.id}`, { monthlyUsd: 9, rpm: 2 });
    expect(byId.json.limits).toEqual({ dailyImages: 3, monthlyUsd: 9, rpm: 2 });
    const byName = await admin('PATCH', '/tokens/Eli', { dailyImages: null });
    expect(byName.json.limits).toEqual({ dailyImages: null, monthlyUsd: 9, rpm: 2 });
  });

  it('revokes, after which the token is refused on its next request', async () => {
    const created = await admin('POST', '/tokens', { name: 'Fay' });
    expect(
      (await h.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${created.json.token}` } })).status,
    ).toBe(200);
    const revoked = await admin('POST', `/tokens/${created.json.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).toBe(new Date(TEST_NOW).toISOString());
    const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'from Fay' }, created.json.token));
    expect(res.status).toBe(401);
    expect((await admin('GET', '/tokens')).json.tokens.map((t: { name: string }) => t.name)).not.toContain('Fay');
    expect((await admin('GET', '/tokens?all=1')).json.tokens.map((t: { name: string }) => t.name)).toContain('Fay');
  });

  it.each([
    ['POST', '/tokens', { name: '' }, 400, /name is empty/],
    ['POST', '/tokens', { dailyImages: 5 }, 400, /name is required/],
    ['POST', '/tokens', { name: 'G', dailyImages: -1 }, 400, /dailyImages/],
    ['POST', '/tokens', { name: 'G', dailyImages: 2.5 }, 400, /dailyImages must be a whole number/],
    ['POST', '/tokens', { name: 'G', rpm: 0 }, 400, /rpm must be at least 1/],
    ['POST', '/tokens', { name: 'G', colour: 'red' }, 400, /unknown field "colour"/],
    ['POST', '/tokens', { name: 'Ana' }, 409, /already named "Ana"/],
    ['PATCH', '/tokens/nobody', { rpm: 3 }, 404, /No active token has the id or name "nobody"/],
    ['POST', '/tokens/nobody/revoke', undefined, 404, /nobody/],
  ])('%s %s %j → %i', async (method, path, body, status, message) => {
    const res = await admin(method, path, body);
    expect(res.status).toBe(status);
    expect(res.json.error.message).toMatch(message);
  });
});

describe('usage', () => {
  it('reports the last 30 days per person, per model and per day', async () => {
    const token = await h.addToken('Gus');
    await h.app.request('/v1/generate', generateRequest({ prompt: 'gus one', model: 'gemini-3-pro-image' }, token));
    await h.app.request('/v1/generate', generateRequest({ prompt: 'gus one', model: 'gemini-3-pro-image' }, token));
    h.clock.set(TEST_NOW - 3 * 86_400_000);
    await h.app.request('/v1/generate', generateRequest({ prompt: 'gus two' }, token));
    h.clock.set(TEST_NOW);
    const res = await admin('GET', '/usage');
    expect(res.status).toBe(200);
    const report = res.json;
    expect(report.days).toHaveLength(30);
    expect(report.days.at(-1)).toBe('2026-11-18');
    const gus = report.byPerson.find((p: { name: string }) => p.name === 'Gus');
    expect(gus).toMatchObject({ requests: 3, images: 2, cachedImages: 1, errors: 0 });
    expect(gus.costByDay[26]).toBeGreaterThan(0);
    expect(gus.costByDay[29]).toBeGreaterThan(0.13);
    expect(report.byModel.map((m: { model: string }) => m.model)).toContain('gemini-3-pro-image');
    expect(report.generatedAt).toBe('2026-11-18T12:00:00.000Z');
    expect((await admin('GET', '/usage?days=7')).json.days).toHaveLength(7);
    expect((await admin('GET', '/usage?days=0')).status).toBe(400);
  });
});
