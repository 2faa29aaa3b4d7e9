/**
 * Screenshots of the Image tools for a person to look at (not a test): builds the bundles and the playground, starts
 * the proxy in offline mode (its Gemini double answering) on a throw-away data dir, and in Chromium, light theme, for
 * each tool opens a fresh playground, selects what the tool works on, saves the page (canvas and panel) before the
 * press and again once the result is placed: `i16-<tool>-before.png` and `i16-<tool>-after.png`.
 *
 *   npx tsx scripts/tool-shots.ts [folder]    (default: test-results/)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startProxy } from '../proxy/server.js';
import { launchBrowserAsync } from '../test/support/browser.js';
import { buildPlaygroundAsync } from './build-playground.js';
import { buildAsync } from './build.js';

/** The little of the Plugin API and of `window.bananaPlayground` this script calls. */
interface PlaygroundWindow {
  figma: {
    createEllipse(): { id: string; x: number; y: number; resize(w: number, h: number): void; fills: unknown };
    commitUndo(): void;
    currentPage: { findOne(match: (node: { name: string }) => boolean): { id: string } | null };
  };
  bananaPlayground: { select(ids: string[]): void; nodes(): { id: string }[] };
}

/** One tool's shot: what to select and type before, and the button to press. */
interface ToolShot {
  name: string;
  button: string;
  /** Selects (and types) what the tool works on, and waits until the card shows its cost. */
  prepareAsync(page: Page, panel: FrameLocator): Promise<void>;
}

async function selectProductAsync(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { figma, bananaPlayground } = window as unknown as PlaygroundWindow;
    bananaPlayground.select([figma.currentPage.findOne((n) => n.name === 'Product shot')!.id]);
  });
}

/** An ellipse drawn over the bottle, selected alone. */
async function selectEllipseAsync(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { figma, bananaPlayground } = window as unknown as PlaygroundWindow;
    const ellipse = figma.createEllipse();
    ellipse.resize(160, 300);
    ellipse.x = 860;
    ellipse.y = 200;
    ellipse.fills = [{ type: 'SOLID', color: { r: 1, g: 0.2, b: 0.2 }, opacity: 0.4 }];
    figma.commitUndo();
    bananaPlayground.select([ellipse.id]);
  });
}

const cardText = (panel: FrameLocator) => panel.getByRole('region', { name: 'Image tools' });

const TOOLS: ToolShot[] = [
  {
    name: 'expand',
    button: 'Expand',
    async prepareAsync(page, panel) {
      await selectProductAsync(page);
      await cardText(panel)
        .getByText(/1067×600 pt, one call/)
        .waitFor();
    },
  },
  {
    name: 'boost',
    button: 'Boost resolution',
    async prepareAsync(page, panel) {
      await selectProductAsync(page);
      await cardText(panel)
        .getByText(/→ 4096×4096 px/)
        .waitFor();
    },
  },
  {
    name: 'erase',
    button: 'Erase',
    async prepareAsync(page, panel) {
      await selectEllipseAsync(page);
      await panel.getByLabel('Erase estimate').waitFor();
    },
  },
  {
    name: 'remove-background',
    button: 'Remove background',
    async prepareAsync(page, panel) {
      await selectProductAsync(page);
      await panel.getByLabel('Remove background estimate').waitFor();
    },
  },
  {
    name: 'isolate',
    button: 'Isolate object',
    async prepareAsync(page, panel) {
      await selectProductAsync(page);
      await panel.getByLabel('Object to isolate').fill('the bottle');
      await panel.getByLabel('Isolate estimate').waitFor();
    },
  },
];

/** Opens a fresh playground, shoots before and after one tool's press. */
async function shootToolAsync(page: Page, url: string, tool: ToolShot, folder: string): Promise<string[]> {
  await page.goto(`${url}/playground`);
  await page.waitForFunction(() => 'bananaPlayground' in window);
  const panel = page.frameLocator('#panel');
  await panel.getByRole('button', { name: 'Generate' }).waitFor();
  await tool.prepareAsync(page, panel);
  // The panel is Figma's 360 × 560: scroll the Image tools card into view.
  await cardText(panel).evaluate((card) => card.scrollIntoView({ block: 'start' }));
  const count = await page.evaluate(() => window.bananaPlayground.nodes().length);
  const before = join(folder, `i16-${tool.name}-before.png`);
  await page.screenshot({ path: before });
  await cardText(panel).getByRole('button', { name: tool.button, exact: true }).click();
  // A new layer, or (none for in place) the result note; then the note that says what it cost.
  await page.waitForFunction((n) => window.bananaPlayground.nodes().length > n, count, { timeout: 60_000 });
  await panel.locator('p.note').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await panel
    .locator('p.note')
    .first()
    .evaluate((note) => note.scrollIntoView({ block: 'center' }));
  const after = join(folder, `i16-${tool.name}-after.png`);
  await page.screenshot({ path: after });
  return [before, after];
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
    await page.setViewportSize({ width: 1400, height: 860 });
    for (const tool of TOOLS) {
      for (const shot of await shootToolAsync(page, proxy.url, tool, folder)) console.log(`saved ${shot}`);
    }
  } finally {
    await browser.close();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    bananaPlayground: PlaygroundWindow['bananaPlayground'];
  }
}

await mainAsync(resolve(process.argv[2] ?? 'test-results'));
