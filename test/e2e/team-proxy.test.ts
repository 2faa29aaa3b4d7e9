/**
 * The team proxy as an admin and a designer live it, in real Chromium: the admin creates a token with the CLI, the
 * designer pastes it into the playground's panel, sees the cost before and after, gets a repeat free from the
 * cache, is stopped by the daily limit with a clear message, and the admin sees it all on /admin.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../proxy/cli/admin.js';
import { screenshotAsync } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const ADMIN = 'admin-token-for-the-e2e-test-0123';
const POSTER = '1:2';
const servers = usePlaygroundServers('banana-team-', { BANANA_ADMIN_TOKEN: ADMIN });
let page: Page;
let pg: Playground;
let errors: string[];
let token: string;

describe('a token from the admin CLI, used from the playground', () => {
  it('the admin creates a token for Ana with 2 images a day', async () => {
    const out: string[] = [];
    const code = await runAdmin(['tokens', 'create', '--name', 'Ana', '--daily-images', '2', '--json'], {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      env: { BANANA_DATA_DIR: servers.dataDir },
    });
    expect(code).toBe(0);
    token = (JSON.parse(out.join('\n')) as { token: string }).token;
    expect(token).toMatch(/^bnn_/);
  });

  it('Ana pastes it in Settings and sees the cost before and after', async () => {
    ({ page, pg, errors } = await servers.openPageAsync());
    await pg.panel.getByRole('button', { name: 'Settings' }).click();
    await pg.panel.getByLabel('Team token').fill(token);
    await pg.panel.getByRole('button', { name: 'Save' }).click();
    await pg.panel.getByText('Saved.').waitFor();
    await pg.panel.getByRole('button', { name: 'Back' }).click();
    await pg.select([POSTER]);
    await pg.panel.getByRole('textbox', { name: 'Prompt' }).fill('warmer light');
    await expect.poll(() => pg.panel.locator('body').innerText()).toMatch(/≈ \$0\.\d+/);
    const before = await pg.nodes();
    await pg.panel.getByRole('button', { name: 'Generate' }).click();
    await pg.waitForNewTopLayer(before);
    await expect.poll(() => pg.panel.locator('body').innerText()).toMatch(/\$0\.\d{3} · [\d,]+ tokens/);
  });

  it('the same request again comes from the cache, free', async () => {
    const before = await pg.nodes();
    await pg.select([POSTER]);
    await pg.generate('warmer light');
    await pg.waitForNewTopLayer(before);
    await expect.poll(() => pg.panel.locator('body').innerText()).toMatch(/cached · \$0/);
  });

  it('the daily limit stops the third image with a clear message, and adds nothing', async () => {
    await pg.select([POSTER]);
    const beforeNavy = await pg.nodes();
    await pg.generate('navy sky');
    await pg.waitForNewTopLayer(beforeNavy);
    const before = (await pg.nodes()).length;
    await pg.select([POSTER]);
    await pg.generate('golden hour');
    await expect
      .poll(() => pg.panel.locator('body').innerText(), { timeout: 10_000 })
      .toMatch(/used (all )?(your )?2 images for today/i);
    expect((await pg.nodes()).length).toBe(before);
    await screenshotAsync(page, 'limit-reached');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the admin sees Ana’s requests, images and the cache hit on /admin', async () => {
    const admin = await servers.browser.newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.goto(`${servers.proxy.url}/admin`);
    await admin.getByLabel('Admin token').fill(ADMIN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Ana' }).first();
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    // Person, requests, images, cached, failed, cost, saved.
    expect(cells.slice(0, 5)).toEqual(['Ana', '4', '2', '1', '1']);
    await screenshotAsync(admin, 'admin-after-playground');
    expect(await admin.locator('body').innerText()).toMatch(/CACHE HIT RATE\s*33%/i); // 1 hit of 3 answers: the refusal is not an answer
    await admin.close();
  });
});
