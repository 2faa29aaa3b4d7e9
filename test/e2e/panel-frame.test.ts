/**
 * The panel's frame in real Chromium, in Figma's own window size: the playground runs the real sandbox bundle on the
 * Figma double and the real panel in an iframe of exactly the size the plugin asked for (360 × 560), against the real
 * proxy in offline mode. The prompt and Generate stay in view with a frame and three references selected, at 360 and
 * at 300 wide, in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { screenshotAsync } from '../support/browser.js';
import { clampPanelSize } from '../../core/panel-size.js';
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
  const window = (await pg.page.locator('#panel').boundingBox())!;
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
    expect(await pg.page.locator('#panel').boundingBox()).toMatchObject({ width: 360, height: 560 });
    await selectFrameAndThreeReferencesAsync();
    await expectBarInViewAsync();
    await expect.poll(() => pg.panel.locator('.estimate').innerText()).toMatch(/≈ \$/);
    await pg.panel.locator('html').evaluate((html) => html.scrollTo(0, 0));
    await screenshotAsync(pg.page, 'panel-360x560-light', '#panel');
    await pg.page.getByRole('button', { name: 'Theme' }).click();
    await pg.panel.locator('html.figma-dark').waitFor({ state: 'attached' });
    await pg.panel.getByText('Mood 2').first().waitFor();
    await expectBarInViewAsync();
    await pg.panel.locator('html').evaluate((html) => html.scrollTo(0, 0));
    await screenshotAsync(pg.page, 'panel-360x560-dark', '#panel');
  });

  it('keeps them in view at 300 wide, and typing and Generate work from there', { timeout: 60_000 }, async () => {
    await pg.page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.ui.resize(300, 560));
    expect(await pg.page.locator('#panel').boundingBox()).toMatchObject({ width: 300, height: 560 });
    await selectFrameAndThreeReferencesAsync();
    await expectBarInViewAsync();
    await screenshotAsync(pg.page, 'panel-300x560-light', '#panel');
    const before = await pg.nodes();
    await pg.generate('warmer light');
    await pg.waitForNewTopLayer(before);
  });
});

/** The panel's window (its iframe) on the page, in whole pixels. */
const windowSize = async (): Promise<{ width: number; height: number }> => {
  const box = (await pg.page.locator('#panel').boundingBox())!;
  return { width: Math.round(box.width), height: Math.round(box.height) };
};

/**
 * Drags the panel's corner by (dx, dy) with the mouse, as a person would: a few pixels at a time, the window
 * following the pointer before it moves on (the pointer stays over the corner, inside the panel's iframe).
 */
async function dragCornerAsync(dx: number, dy: number): Promise<void> {
  const corner = (await pg.panel.locator('.resize-corner').boundingBox())!;
  const start = await windowSize();
  const x = corner.x + corner.width / 2;
  const y = corner.y + corner.height / 2;
  await pg.page.mouse.move(x, y);
  await pg.page.mouse.down();
  const steps = Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / 4);
  for (let i = 1; i <= steps; i++) {
    const [sx, sy] = [Math.round((dx * i) / steps), Math.round((dy * i) / steps)];
    const want = clampPanelSize({ width: start.width + sx, height: start.height + sy });
    // The playground's panel keeps its right edge (it sits at the page's edge), so only its bottom follows down.
    // On a loaded machine a move can be lost while the window resizes: the hand moves there again, as a person's
    // would, until the window has followed.
    await expect
      .poll(
        async () => {
          await pg.page.mouse.move(x + sx, y + sy);
          return windowSize();
        },
        { timeout: 5000 },
      )
      .toEqual(want);
  }
  await pg.page.mouse.up();
}

describe('a panel resizable from its corner', () => {
  it('follows a drag of the corner and opens at that size next time', { timeout: 60_000 }, async () => {
    // The playground's panel sits at the page's right edge, so the corner goes left (narrower) and down (taller).
    await dragCornerAsync(-60, 80);
    await expect.poll(windowSize).toEqual({ width: 300, height: 640 });
    await pg.page.reload();
    await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
    expect(await windowSize()).toEqual({ width: 300, height: 640 });
    const kept = await pg.page.evaluate(() =>
      (window as unknown as { figma: PluginAPI }).figma.clientStorage.getAsync('banana.panelSize'),
    );
    expect(kept).toEqual({ width: 300, height: 640 });
  });

  it('stops at the smallest size that still holds the prompt and Generate', { timeout: 60_000 }, async () => {
    await dragCornerAsync(-300, -400);
    await expect.poll(windowSize).toEqual({ width: 280, height: 360 });
    await expect.poll(() => insideWindowAsync(pg.panel.getByRole('button', { name: 'Generate' }))).toBe(true);
  });
});

describe('what I have left', () => {
  it(
    'shows images and spend today under Generate, refreshed after each turn, and the estimate as a range',
    {
      timeout: 60_000,
    },
    async () => {
      const footer = pg.panel.getByLabel('What you have left');
      await expect
        .poll(() => footer.innerText())
        .toMatch(/^(\d+) images? today, no daily limit · \$\d+\.\d+ spent today$/);
      const before = Number(/^\d+/.exec(await footer.innerText())![0]);
      await pg.select([POSTER]);
      // The answer's text and thinking vary, so the estimate is a range.
      await expect.poll(() => pg.panel.locator('.estimate').innerText()).toMatch(/^≈ \$0\.\d+–0\.\d+$/);
      const made = await pg.nodes();
      await pg.generate('warmer light');
      await pg.waitForNewTopLayer(made);
      await expect.poll(() => footer.innerText()).toMatch(new RegExp(`^${before + 1} images? today`));
      expect(await insideWindowAsync(footer)).toBe(true);
    },
  );
});

describe('labels that read whole', () => {
  it('labels the readout "Ratio and size", not "Shape", and shows every role hint whole at 300 wide', async () => {
    await pg.page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.ui.resize(300, 560));
    await selectFrameAndThreeReferencesAsync();
    await expect.poll(() => pg.panel.locator('.field > .label').allInnerTexts()).toContain('Ratio and size');
    expect(await pg.panel.locator('.field > .label').allInnerTexts()).not.toContain('Shape');
    await pg.panel.getByLabel('Role of Mood 1').selectOption('product');
    const notes = pg.panel.locator('.input-row .input-note');
    expect(await notes.count()).toBeGreaterThanOrEqual(3);
    for (const note of await notes.all()) {
      const cut = await note.evaluate(
        (el) => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === 'ellipsis',
      );
      expect(cut, await note.innerText()).toBe(false);
    }
  });
});
