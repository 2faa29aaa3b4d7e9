/**
 * The admin page in real headless Chromium (Debian's /usr/bin/chromium through playwright-core), served by the
 * real app over HTTP with a store seeded with a month of usage: sign in, read the chart and tables, create a token,
 * change limits, revoke; and a screenshot in test-results/admin.png for a person to look at.
 */
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowserAsync } from '../support/browser.js';
import { ADMIN_TOKEN, generateRequest, startHarness, TEST_NOW, type Harness } from '../support/proxy-harness.js';

let h: Harness;
let server: ReturnType<typeof serve>;
let url: string;
let browser: Browser;
let page: Page;
let errors: string[];
const consoleErrors: string[] = [];

const PEOPLE: [string, number][] = [
  ['Ana', 1],
  ['Bruno', 0.6],
  ['Carla', 0.35],
  ['Dmitri', 0.2],
  ['Eve', 0.08],
];
const MODELS: [string, string, number][] = [
  ['gemini-3.1-flash-image', '1K', 0.0725],
  ['gemini-3-pro-image', '2K', 0.1371],
  ['gemini-3-pro-image', '4K', 0.2434],
  ['gemini-2.5-flash-image', '1K', 0.0389],
];

/** A month of plausible usage, written through the store's own API. */
async function seed(): Promise<void> {
  const ids = new Map<string, string>([['Ana', (await h.store.findToken('Ana'))!.id]]);
  for (const [name] of PEOPLE.slice(1)) {
    const created = await h.store.createToken({
      name,
      limits: { dailyImages: name === 'Eve' ? 20 : 100, monthlyUsd: name === 'Bruno' ? 50 : null, rpm: 10 },
      now: TEST_NOW - 40 * 86_400_000,
    });
    if (!created.ok) throw new Error(created.error.message);
    ids.set(name, created.value.record.id);
  }
  let n = 0;
  for (let day = 29; day >= 0; day--) {
    const weekday = new Date(TEST_NOW - day * 86_400_000).getUTCDay();
    const busy = weekday === 0 || weekday === 6 ? 0.15 : 1;
    for (const [name, share] of PEOPLE) {
      const count = Math.round(((n * 7919) % 9) * share * busy);
      for (let i = 0; i < count; i++) {
        const [model, size, cost] = MODELS[(n + i + day) % MODELS.length]!;
        const cached = (n + i) % 6 === 0;
        const failed = !cached && (n + i) % 17 === 0;
        await h.store.recordUsage({
          requestId: `seed-${n}-${i}`,
          tokenId: ids.get(name)!,
          tokenName: name,
          createdAt: TEST_NOW - day * 86_400_000 - (i + 1) * 600_000,
          model,
          imageSize: size,
          aspectRatio: '4:5',
          inputImages: 1,
          inputTokens: cached ? 0 : 600,
          outputTokens: cached ? 0 : 1200,
          costUsd: cached || failed ? 0 : cost,
          savedUsd: cached ? cost : 0,
          cached,
          outcome: failed ? 'safety_blocked' : 'ok',
          latencyMs: 9000,
          attempts: cached ? 0 : 1,
        });
      }
      n++;
    }
  }
}

beforeAll(async () => {
  // The key cannot reach the 2.5 models (as Google's keys of new projects): the page says so.
  h = await startHarness({ unreachableModels: ['gemini-2.5-flash-image'] });
  await seed();
  // A real cache entry, so the cache section has something in it.
  await h.app.request('/v1/generate', generateRequest({ prompt: 'a cached poster' }));
  await h.app.request('/v1/generate', generateRequest({ prompt: 'a cached poster' }));
  server = await new Promise((resolve) => {
    const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowserAsync();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = collectPageErrors(page);
  // A CSP violation shows up as a console error: the page must run with its own policy and nothing else.
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
});

describe('the admin page', () => {
  it('asks for the admin token, and refuses a wrong one in plain words', async () => {
    await page.goto(`${url}/admin`);
    await expect.poll(() => page.locator('#login').isVisible()).toBe(true);
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#login-error').textContent()).toMatch(/admin token is not valid/);
    expect(await page.evaluate(() => sessionStorage.getItem('banana-admin-token'))).toBeNull();
  });

  it('shows cost per day as a chart, per person and per model as tables, and the cache', async () => {
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#app').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => sessionStorage.getItem('banana-admin-token'))).toBe(ADMIN_TOKEN);
    const bars = await page.locator('#chart svg rect').count();
    expect(bars).toBeGreaterThan(40);
    expect(await page.locator('#legend span').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Ana · \$\d+\.\d\d$/)]),
    );
    const people = await page.locator('#people tbody tr td:first-child').allTextContents();
    expect(people.slice(0, 3)).toEqual(['Ana', 'Bruno', 'Carla']);
    const models = await page.locator('#models tbody tr td:first-child').allTextContents();
    expect(models).toEqual(expect.arrayContaining(['gemini-3-pro-image', 'gemini-3.1-flash-image']));
    expect(await page.locator('#cards').textContent()).toMatch(/Cache hit rate\d+%/);
    expect(await page.locator('#cache').textContent()).toMatch(/Entries1/);
    // Which configured models this key can reach, and why one is not offered.
    expect(await page.locator('#models-check').textContent()).toMatch(/^Checked .+; checked again every hour\.$/);
    expect(await page.locator('tr[data-model="gemini-2.5-flash-image"] td').allTextContents()).toEqual([
      'Nano Banana (2.5 Flash Image)',
      'gemini-2.5-flash-image',
      'legacy',
      "no: not in this key's model list",
    ]);
    expect(await page.locator('tr[data-model="gemini-nano-banana-2.1"] td').last().textContent()).toBe('yes');
    // The chart regroups by model.
    await page.getByRole('button', { name: 'By model' }).click();
    expect(await page.locator('#legend span').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^gemini-3-pro-image · \$/)]),
    );
    await page.getByRole('button', { name: 'By person' }).click();
  });

  it('creates a token and shows it once', async () => {
    await page.getByLabel('Name').fill('Fiona');
    await page.locator('#new-daily').fill('25');
    await page.locator('#new-monthly').fill('12.5');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.locator('#new-token').waitFor({ state: 'visible' });
    const token = (await page.locator('#new-token-value').textContent())!;
    expect(token).toMatch(/^bnn_[A-Za-z0-9_-]{32}$/);
    expect(await h.store.verifyToken(token, TEST_NOW)).toMatchObject({
      name: 'Fiona',
      limits: { dailyImages: 25, monthlyUsd: 12.5, rpm: null },
    });
    await expect.poll(() => page.locator('tr[data-token="Fiona"]').count()).toBe(1);
  });

  it('changes a person’s limits', async () => {
    const row = page.locator('tr[data-token="Carla"]');
    await row.getByLabel('Images per day for Carla').fill('40');
    await row.getByLabel('Requests per minute for Carla').fill('');
    await row.getByRole('button', { name: 'Save limits' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Limits saved for Carla.');
    expect((await h.store.findToken('Carla'))?.limits).toEqual({ dailyImages: 40, monthlyUsd: null, rpm: null });
  });

  it('revokes a token after a second click', async () => {
    const row = page.locator('tr[data-token="Eve"]');
    await row.getByRole('button', { name: 'Revoke' }).click();
    expect(await h.store.findToken('Eve')).not.toBeNull();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await expect.poll(() => page.locator('tr[data-token="Eve"]').count()).toBe(0);
    expect(await h.store.findToken('Eve')).toBeNull();
  });

  it('stays signed in on reload, and reads well (screenshot in test-results/admin.png)', async () => {
    await page.reload();
    await page.locator('#app').waitFor({ state: 'visible' });
    await page.locator('#new-token').evaluate((el) => el.setAttribute('hidden', ''));
    mkdirSync(new URL('../../test-results/', import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL('../../test-results/admin.png', import.meta.url).pathname, fullPage: true });
    expect(errors).toEqual([]);
    // The only failed loads are the three refused calls of the wrong sign-in (usage, tokens, models); no CSP
    // violation, nothing missing.
    expect(consoleErrors).toEqual(
      Array.from(
        { length: 3 },
        () => 'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
      ),
    );
  });
});
