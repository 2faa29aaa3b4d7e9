/**
 * The Brand toggle end to end in real Chromium: the playground's file has colour styles, colour variables (two
 * modes, an alias) and text styles (dev/figma-double/sample-brand.ts). A designer turns Brand on, reads exactly what
 * will be sent, marks the product shot as the brand frame (its logo), and presses Generate on the poster: the
 * request the Gemini double received through the real proxy and the real `@google/genai` client carries the
 * colours by name and hex and the logo image; the turn record says brand guidance was used.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_LOGO_SENTENCE } from '../../core/brand-context.js';
import { BRAND_FRAME_KEY } from '../../core/brand-snapshot.js';
import { SAMPLE_BRAND_GUIDANCE } from '../../dev/figma-double/index.js';
import { collectPageErrors, launchBrowserAsync, screenshotAsync } from '../support/browser.js';
import { useLiveProxy } from '../support/live-proxy.js';
import { openPlaygroundAsync, turnRecordOf } from '../support/playground.js';

const KEY = 'AIzaSy-brand-e2e-key-0123456789abcdef';
const POSTER = '1:2';
const TEAM_TOKEN = 'team-token-for-the-brand-e2e';
const live = useLiveProxy('e2e-brand', KEY, TEAM_TOKEN);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowserAsync();
});
afterAll(async () => {
  await browser?.close();
});

interface UpstreamPart {
  text?: string;
  inlineData?: { mimeType: string; data: string };
}

describe('the Brand toggle', () => {
  it('shows what it sends, and a Generate sends the colours and the logo', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const pg = await openPlaygroundAsync(page, live.proxy.url);
    await pg.select([POSTER]);
    const toggle = pg.panel.getByRole('checkbox', { name: /^Brand/ });
    expect(await toggle.isChecked()).toBe(false);
    await expect.poll(() => pg.panel.locator('.brand-guidance').count()).toBe(0);

    await toggle.click();
    await expect.poll(() => pg.panel.locator('.brand-guidance').innerText()).toBe(SAMPLE_BRAND_GUIDANCE);

    // With real credentials the playground hands out no token: paste it in Settings, as a designer does. Saving
    // the settings keeps the toggle as it was.
    await pg.panel.getByRole('button', { name: 'Settings' }).click();
    await pg.panel.getByLabel('Team token').fill(TEAM_TOKEN);
    await pg.panel.getByRole('button', { name: 'Save' }).click();
    await pg.panel.getByText('Saved.').waitFor();
    await pg.panel.getByRole('button', { name: 'Back' }).click();
    expect(await pg.panel.getByRole('checkbox', { name: /^Brand/ }).isChecked()).toBe(true);
    await pg.panel.getByText('No brand frame.').waitFor();

    // Mark the product shot as the brand frame: it holds no layer named "logo", so the frame itself is the logo.
    const product = (await pg.nodes()).find((n) => n.name === 'Product shot')!;
    await pg.select([product.id]);
    await pg.panel.getByRole('button', { name: 'Mark Product shot as brand frame' }).click();
    await pg.panel.getByText('Brand frame: Product shot').waitFor();
    const mark = await page.evaluate(
      (key) => (window as unknown as { figma: PluginAPI }).figma.root.getPluginData(key),
      BRAND_FRAME_KEY,
    );
    expect(mark).toBe(product.id);

    await pg.select([POSTER]);
    await pg.panel.getByText('Product shot goes with this edit as a product reference image.').waitFor();
    // The disclosure shows the paragraph as it will be sent, the logo sentence now included.
    expect(await pg.panel.locator('.brand-guidance').innerText()).toBe(
      `${SAMPLE_BRAND_GUIDANCE} ${BRAND_LOGO_SENTENCE}`,
    );
    await pg.panel.getByRole('img', { name: 'Product shot (the logo)' }).waitFor();
    await pg.panel.getByRole('textbox', { name: 'Prompt' }).fill('a summer sale poster on a beach');
    await pg.panel.locator('body').evaluate(() => document.fonts.ready);
    // The dock stays over the bottom of the panel: bring the Brand section to the middle for the screenshot.
    await pg.panel.locator('.brand').evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await screenshotAsync(page, 'i17-brand-toggle');

    const calls = live.double.requests.length;
    const before = await pg.nodes();
    await pg.panel.getByRole('button', { name: 'Generate' }).click();
    const result = await pg.waitForNewTopLayer(before);

    const upstream = live.double.requests
      .slice(calls)
      .filter((r) => /:(generateContent|streamGenerateContent)$/.test(r.path));
    expect(upstream).toHaveLength(1);
    const body = upstream[0]!.body as { contents: { parts: UpstreamPart[] }[] };
    const parts = body.contents.at(-1)!.parts;
    const text = parts.map((p) => p.text ?? '').join('\n');
    expect(text).toContain('Brand colours: Primary #E63B2E, Ink #1A1A2E, Surface #FFFFFF (Dark #1E1E24)');
    expect(text).toContain('Brand typefaces: Inter (Bold, Regular).');
    expect(text).toMatch(/The first image shows the product/);
    const images = parts.filter((p) => p.inlineData);
    expect(images).toHaveLength(2);

    // The first image is the product shot's export: the same bytes the panel sent, and the record's hash of them.
    const record = await turnRecordOf(pg, result.id);
    const logoInput = record.inputs.find((input) => input.role === 'product')!;
    expect(logoInput.nodeId).toBe(product.id);
    const logoBytes = Buffer.from(images[0]!.inlineData!.data, 'base64');
    expect(createHash('sha1').update(logoBytes).digest('hex')).toBe(logoInput.hash);
    expect(record.brand).toEqual({
      guidance: `${SAMPLE_BRAND_GUIDANCE} ${BRAND_LOGO_SENTENCE}`,
      logoNodeId: product.id,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
