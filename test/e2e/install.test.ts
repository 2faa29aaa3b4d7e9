/**
 * What a designer sees of how Banana Studio was installed, in real Chromium on the playground (the real panel
 * bundle, the real proxy in offline mode): the "Offline double" badge while the double answers, plain words for a
 * proxy URL that is not a web address, and, for one this build may not call, which addresses it may call.
 * Figma's content security policy is played by the page refusing every request to the other origin.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotAsync } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let page: Page;
let pg: Playground;
usePlaygroundServers('banana-install-').pagePerTest((opened) => ({ page, pg } = opened));

const POSTER = '1:2';
const OTHER_PROXY = 'https://banana.other-team.example';
const NOT_ALLOWED =
  `Could not reach ${OTHER_PROXY}: this build of Banana Studio may only reach http://localhost:8787 (it is a ` +
  'development build); ask your admin for a build for your proxy, or use that address.';

async function saveProxyUrlAsync(url: string): Promise<void> {
  await pg.panel.getByRole('button', { name: 'Settings' }).click();
  await pg.panel.getByLabel('Proxy URL').fill(url);
  await pg.panel.getByRole('button', { name: 'Save' }).click();
}

describe('the offline double badge', () => {
  it('shows while /health says offline, with the reason in its tooltip', async () => {
    const badge = pg.panel.getByRole('status').filter({ hasText: 'Offline double' });
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toBe(
      'Images are drawn locally by the offline double, not by Gemini: this proxy has no Gemini credentials. ' +
        'Ask your admin to set GEMINI_API_KEY (or Vertex AI) on the proxy for real images.',
    );
    await badge.hover();
    await screenshotAsync(page, 'offline-badge');
    const box = (await badge.boundingBox())!;
    expect(box.width).toBeGreaterThan(40);
    expect(box.height).toBeGreaterThan(10);
  });
});

describe('proxy URLs in Settings', () => {
  it('a URL that is not a web address gets plain words, and nothing is saved', async () => {
    await saveProxyUrlAsync('localhost:8787');
    await pg.panel.getByRole('alert').getByText('"localhost:8787" is not a web address.', { exact: false }).waitFor();
    expect(await pg.panel.getByRole('alert').innerText()).not.toMatch(/proxyUrl|regex/);
    expect(await pg.panel.getByText('Saved.').count()).toBe(0);
  });

  it('a proxy this build may not call says which it may, in Settings and again on Generate', async () => {
    await page.route(`${OTHER_PROXY}/**`, (route) => route.abort('blockedbyclient'));
    await saveProxyUrlAsync(OTHER_PROXY);
    await pg.panel.getByRole('alert').getByText(NOT_ALLOWED).waitFor();
    await screenshotAsync(page, 'proxy-not-allowed');
    // The double's badge goes with the proxy that had it.
    expect(await pg.panel.getByText('Offline double').count()).toBe(0);

    await pg.panel.getByRole('button', { name: 'Back' }).click();
    await pg.panel.getByRole('button', { name: 'Dismiss' }).click();
    await pg.select([POSTER]);
    const before = await pg.nodes();
    await pg.generate('warmer light');
    await pg.panel.getByRole('alert').getByText(NOT_ALLOWED).waitFor();
    expect(await pg.nodes()).toEqual(before);
  });
});
