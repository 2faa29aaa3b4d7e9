/**
 * The cache is per person by default: a teammate's answer is neither served nor revealed (`cached` says nothing
 * about anyone else's prompts). A hit is still a request: it counts toward the rate; with the team's cache
 * (`BANANA_CACHE_SCOPE=team`) a person with no images left is told so even when the answer is cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequest, startHarness, type Harness } from '../../support/proxy-harness.js';

let person: Harness;
let team: Harness;
beforeAll(async () => {
  person = await startHarness();
  team = await startHarness({ cacheScope: 'team', double: person.double });
});
afterAll(async () => {
  await team.close();
  await person.close();
});

async function post(h: Harness, token: string, prompt: string) {
  const res = await h.app.request(
    '/v1/generate',
    generateRequest({ prompt, model: 'gemini-3.1-flash-image', imageSize: '512' }, token),
  );
  const json = (await res.json()) as {
    cached?: boolean;
    image?: { data: string };
    error?: { code: string; message: string };
  };
  return { status: res.status, json, id: res.headers.get('x-request-id')! };
}

describe('the cache per person (default)', () => {
  it('never answers one person from a teammate’s answer, even for a person with no images left', async () => {
    const ana = await person.addToken('Scope Ana');
    const zero = await person.addToken('Scope Zero', { dailyImages: 0 });
    const first = await post(person, ana, 'a secret launch poster');
    expect([first.status, first.json.cached]).toEqual([200, false]);
    const calls = person.double.requests.length;
    const other = await post(person, zero, 'a secret launch poster');
    expect([other.status, other.json.error?.code]).toEqual([429, 'limit_reached']);
    expect(other.json.image).toBeUndefined();
    expect(person.double.requests.length).toBe(calls);
    // The same person is answered from their own cache.
    expect((await post(person, ana, 'a secret launch poster')).json.cached).toBe(true);
  });

  it('counts a hit toward the person’s requests per minute', async () => {
    const rpm = await person.addToken('Scope Rate', { rpm: 2 });
    expect((await post(person, rpm, 'rate one')).status).toBe(200);
    const hit = await post(person, rpm, 'rate one');
    expect([hit.status, hit.json.cached]).toEqual([200, true]);
    expect(await person.store.usageRecord(hit.id)).toMatchObject({ cached: true, outcome: 'ok', costUsd: 0 });
    const third = await post(person, rpm, 'rate one');
    expect([third.status, third.json.error?.code]).toEqual([429, 'limit_reached']);
    expect(third.json.error?.message).toMatch(/2 requests in the last minute/);
  });
});

describe('the team’s cache (BANANA_CACHE_SCOPE=team)', () => {
  it('shares answers, but tells a person with no images left so, even on a hit', async () => {
    const ana = await team.addToken('Team Ana');
    const ben = await team.addToken('Team Ben');
    const zero = await team.addToken('Team Zero', { dailyImages: 0 });
    expect((await post(team, ana, 'a shared moodboard')).json.cached).toBe(false);
    expect((await post(team, ben, 'a shared moodboard')).json.cached).toBe(true);
    const refused = await post(team, zero, 'a shared moodboard');
    expect([refused.status, refused.json.error?.code]).toEqual([429, 'limit_reached']);
    expect(refused.json.error?.message).toMatch(/0 images for today/);
    expect(refused.json.image).toBeUndefined();
  });
});
