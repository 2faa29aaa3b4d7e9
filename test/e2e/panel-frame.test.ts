/**
 * The panel's frame in real Chromium, in Figma's own window size: the playground runs the real sandbox bundle on the
 * Figma double and the real panel in an iframe of exactly the size the plugin asked for (360 × 560), against the real
 * proxy in offline mode. The prompt and Generate stay in view with a frame and three references selected, at 360 and
 * at 300 wide, in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { screenshotAsync } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-panel-frame-');
let pg: Playground;
servers.pagePerTest((opened) => ({ pg } = opened));

const POSTER = '1:2';

/** Adds two frames beside the sample's and selects the poster with three references (the product shot and them). */
async function selectFrameAndThreeReferencesAsync(): Promise<void> {
  const product = (await pg.nodes()).find((n) => n.name === 'Product shot')!.id;
  const extra = await pg.page.evaluate(() => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    return [0, 1].map((i) => {
      const frame = figma.createFrame();
      frame.name = `Mood ${i + 1}`;
      frame.x = 1400 + i * 150;
      return frame.id;
    });
  });
  await pg.select([POSTER, product, ...extra]);
  await pg.panel.getByText('Mood 2').first().waitFor();
}

/** The panel's window on the page, and whether the whole of `what` lies inside it. */
async function insideWindowAsync(what: ReturnType<Playground['panel']['getByRole']>): Promise<boolean> {
  const window = (await pg.page.locator('.panel-host').boundingBox())!;
  const box = (await what.boundingBox())!;
  return (
    box.y >= window.y &&
    box.y + box.height <= window.y + window.height + 0.5 &&
    box.x >= window.x &&
    box.x + box.width <= window.x + window.width + 0.5
  );
}

/** The panel's document is taller than its window: the test is about a panel that has to scroll. */
async function panelScrollsAsync(): Promise<boolean> {
  return pg.panel.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight);
}

async function expectBarInViewAsync(): Promise<void> {
  expect(await panelScrollsAsync()).toBe(true);
  for (const scrolled of [0, 10_000]) {
    await pg.panel.locator('html').evaluate((html, top) => html.scrollTo(0, top), scrolled);
    for (const part of [
      pg.panel.getByRole('textbox', { name: 'Prompt' }),
      pg.panel.getByRole('button', { name: 'Generate' }),
      pg.panel.getByRole('combobox', { name: 'Variants' }),
    ]) {
      expect(await insideWindowAsync(part)).toBe(true);
    }
  }
}

describe('a compact panel', () => {
  it('keeps the prompt and Generate in view at 360 × 560 with a frame and three references', async () => {
    expect(await pg.page.locator('.panel-host').boundingBox()).toMatchObject({ width: 360, height: 560 });
    await selectFrameAndThreeReferencesAsync();
    await expectBarInViewAsync();
    await expect.poll(() => pg.panel.locator('.estimate').innerText()).toMatch(/≈ \$/);
    await pg.panel.locator('html').evaluate((html) => html.scrollTo(0, 0));
    await screenshotAsync(pg.page, 'panel-360x560-light', '.panel-host');
    await pg.page.getByRole('button', { name: 'Theme' }).click();
    await pg.panel.locator('html.figma-dark').waitFor({ state: 'attached' });
    await pg.panel.getByText('Mood 2').first().waitFor();
    await expectBarInViewAsync();
    await pg.panel.locator('html').evaluate((html) => html.scrollTo(0, 0));
    await screenshotAsync(pg.page, 'panel-360x560-dark', '.panel-host');
  });

  it('keeps them in view at 300 wide, and typing and Generate work from there', { timeout: 60_000 }, async () => {
    await pg.page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.ui.resize(300, 560));
    expect(await pg.page.locator('.panel-host').boundingBox()).toMatchObject({ width: 300, height: 560 });
    await selectFrameAndThreeReferencesAsync();
    await expectBarInViewAsync();
    await screenshotAsync(pg.page, 'panel-300x560-light', '.panel-host');
    const before = await pg.nodes();
    await pg.generate('warmer light');
    await pg.waitForNewTopLayer(before);
  });
});
