/**
 * Screenshots of the panel for a person to look at (not a test): builds the bundles and the playground, starts the
 * proxy in offline mode (its Gemini double answering) on a throw-away data dir, and in Chromium opens the playground
 * with the panel at Figma's 360 × 560, selects the Poster with three references (the Product shot, "Brand logo" and
 * "Mood board", whose names give them their roles: core/role-from-name.ts), and saves the panel in light and in dark
 * (the playground's Theme switch, as Figma's theme: dev/playground/figma-theme.ts).
 *
 *   npx tsx scripts/panel-shots.ts [folder]    (default: test-results/)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProxy } from '../proxy/server.js';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowserAsync } from '../test/support/browser.js';
import { buildPlaygroundAsync } from './build-playground.js';
import { buildAsync } from './build.js';

/** The sample's Poster frame. */
const POSTER = '1:2';

/** The little of the Plugin API and of the playground's `window.bananaPlayground` this script calls. */
interface PlaygroundWindow {
  figma: {
    createFrame(): { id: string; name: string; x: number; fills: unknown };
    currentPage: { findOne(match: (node: { name: string }) => boolean): { id: string } | null };
  };
  bananaPlayground: { select(ids: string[]): void };
}

/** Adds two frames named like references and selects the Poster with them and the Product shot. */
async function selectFrameAndThreeReferencesAsync(page: Page, panel: FrameLocator): Promise<void> {
  await page.evaluate((poster) => {
    const { figma, bananaPlayground } = window as unknown as PlaygroundWindow;
    const product = figma.currentPage.findOne((node) => node.name === 'Product shot')!.id;
    const extra = ['Brand logo', 'Mood board'].map((name, i) => {
      const frame = figma.createFrame();
      frame.name = name;
      frame.x = 1400 + i * 150;
      frame.fills = [{ type: 'SOLID', color: i === 0 ? { r: 0.95, g: 0.75, b: 0.1 } : { r: 0.3, g: 0.5, b: 0.8 } }];
      return frame.id;
    });
    bananaPlayground.select([poster, product, ...extra]);
  }, POSTER);
  await panel.getByText('Mood board').first().waitFor();
  await typePromptAsync(panel);
}

/** Types the prompt and scrolls the panel to its top. */
async function typePromptAsync(panel: FrameLocator): Promise<void> {
  await panel.getByRole('textbox', { name: 'Prompt' }).fill('warmer light, keep the logo');
  await panel.locator('html').evaluate((html) => html.scrollTo(0, 0));
}

async function mainAsync(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  await buildAsync();
  await buildPlaygroundAsync();
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-shots-'));
  const proxy = await startProxy({ PORT: '0', BANANA_DATA_DIR: dataDir }, { writeLog: () => {} });
  const browser = await launchBrowserAsync();
  try {
    const page = await browser.newPage();
    // The page is wider than the panel's window, so the panel is exactly the size the plugin asks for: 360 × 560.
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.goto(`${proxy.url}/playground`);
    await page.waitForFunction(() => 'bananaPlayground' in window);
    const panel = page.frameLocator('#panel');
    await panel.getByRole('button', { name: 'Generate' }).waitFor();
    await selectFrameAndThreeReferencesAsync(page, panel);
    const shots = [join(folder, 'i14-360x560-light.png'), join(folder, 'i14-360x560-dark.png')];
    await page.locator('#panel').screenshot({ path: shots[0]! });
    await page.getByRole('button', { name: 'Theme' }).click();
    await panel.locator('html.figma-dark').waitFor({ state: 'attached' });
    await panel.getByText('Mood board').first().waitFor();
    // The playground loads the panel again for the new theme (dev/playground/iframe-ui-host.ts): type again.
    await typePromptAsync(panel);
    await page.locator('#panel').screenshot({ path: shots[1]! });
    for (const shot of shots) console.log(`saved ${shot}`);
  } finally {
    await browser.close();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await mainAsync(resolve(process.argv[2] ?? 'test-results'));
