/**
 * The admin page's cost view in real headless Chromium, served by the real app over HTTP with a store seeded with
 * single requests, a cache hit and a Batch API job (test/support/cost-seed.ts): a team lead signs in with the admin
 * token and reads the month's projection with its method, and the last 7 days by person, by model and by day, with
 * the batch share and the cache's savings. A person's name that looks like markup is shown as text.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowserAsync, screenshotAsync } from '../support/browser.js';
import { seedCostSampleAsync } from '../support/cost-seed.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/proxy-harness.js';

const MARKUP_NAME = '<img src=x onerror=alert(1)>';
let h: Harness;
let server: ReturnType<typeof serve>;
let url: string;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  await seedCostSampleAsync(h.store, 'Ivy', MARKUP_NAME);
  server = await new Promise((resolve) => {
    const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowserAsync();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
});

const cells = async (row: Locator) => (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());

describe('the cost view', () => {
  it('shows the projection with its method, and cost per day by person, by model and in all', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${url}/admin`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const view = page.locator('#cost-view');
    await view.getByText('Projected for November 2026').waitFor();
    expect(await view.locator('#projection .value').innerText()).toBe('$0.93');
    expect(await view.locator('#projection-method').innerText()).toBe(
      'Month to date $0.744 ($0.040 of it at the batch rate; the cache saved $0.134) + $0.016 a day (the average of ' +
        'the last 7 full days, Nov 11 to Nov 17) × 12 days left after today. Days are UTC; prices as Google bills them.',
    );

    const people = view.locator('#cost-people');
    // Person, the last 7 days (Nov 12 … Nov 18), 7 days, batch share, saved by cache.
    expect(await cells(people.locator('tr[data-row="Ivy"]'))).toEqual([
      'Ivy',
      '$0.07',
      '–',
      '–',
      '–',
      '–',
      '–',
      '$0.13',
      '$0.20',
      '0%',
      '$0.13',
    ]);
    const batchRow = people.getByRole('row').filter({ hasText: MARKUP_NAME });
    expect(await cells(batchRow)).toEqual([
      MARKUP_NAME,
      '–',
      '–',
      '–',
      '–',
      '–',
      '$0.04',
      '–',
      '$0.04',
      '100%',
      '$0.00',
    ]);
    expect(await people.locator('img').count()).toBe(0);

    const models = view.locator('#cost-models');
    expect((await cells(models.locator('tr[data-row="gemini-3.1-flash-image"]'))).slice(-3)).toEqual([
      '$0.04',
      '100%',
      '$0.00',
    ]);
    expect((await cells(models.locator('tr[data-row="gemini-3-pro-image"]'))).slice(-3)).toEqual([
      '$0.20',
      '0%',
      '$0.13',
    ]);

    const days = view.locator('#cost-days');
    // Day, cost, at the batch rate, batch share, saved by cache; newest first.
    expect(await cells(days.locator('tr[data-day="2026-11-18"]'))).toEqual(['Nov 18', '$0.13', '$0.00', '0%', '$0.13']);
    expect(await cells(days.locator('tr[data-day="2026-11-17"]'))).toEqual([
      'Nov 17',
      '$0.04',
      '$0.04',
      '100%',
      '$0.00',
    ]);
    expect(await days.locator('tbody tr').count()).toBe(7);

    await view.scrollIntoViewIfNeeded();
    await screenshotAsync(page, 'i17-admin-cost', '#cost-view');
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
