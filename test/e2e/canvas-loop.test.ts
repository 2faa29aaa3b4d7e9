/**
 * The canvas loop end to end in real Chromium: the playground page runs the real sandbox bundle against the Figma
 * double, the real panel in a sandboxed iframe, and the real proxy in offline mode with its Gemini double.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import type { GeneratedImage } from '../../core/proxy-schema.js';
import { screenshotAsync } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let page: Page;
let pg: Playground;
let answered: GeneratedImage[];
usePlaygroundServers('banana-e2e-').pagePerTest((opened) => ({ page, pg, answered } = opened));

const POSTER = '1:2';

describe('text-to-image', () => {
  it('makes a new frame at the centre of the view, selected, with its turn record', async () => {
    const before = await pg.nodes();
    await pg.select([]);
    await pg.generate('a red bicycle on a beach');
    await pg.waitForNodeCount(before.length + 1);
    const made = (await pg.nodes()).find((n) => !before.some((b) => b.id === n.id))!;
    expect(made.type).toBe('FRAME');
    expect(made.parentId).toBe('0:1');
    expect(made.pluginDataKeys.length).toBeGreaterThan(0);
    const view = await page.evaluate(() => {
      const f = (window as unknown as { figma: PluginAPI }).figma;
      return { centre: f.viewport.center, selection: f.currentPage.selection.map((n) => n.id) };
    });
    expect(view.selection).toEqual([made.id]);
    // Scrolled into view: the viewport is centred on the new frame.
    expect(Math.abs(view.centre.x - (made.x + made.width / 2))).toBeLessThan(1);
    expect(Math.abs(view.centre.y - (made.y + made.height / 2))).toBeLessThan(1);
    // Gemini 3 answered JPEG (1024 × 1024), which Figma takes as it is: the fill is the bytes Gemini sent.
    await expect.poll(() => answered.length).toBe(1);
    expect(answered[0]).toMatchObject({ mimeType: 'image/jpeg', width: 1024, height: 1024 });
    expect(await pg.imageFillBytes(made.id)).toBe(answered[0]!.data);
  });
});

describe('edit the selection', () => {
  it('puts the result beside the source as a new layer and leaves the source exactly as it was', async () => {
    const before = await pg.nodes();
    const source = before.find((n) => n.id === POSTER)!;
    const pixelsBefore = await pg.exportPng(POSTER);
    await pg.select([POSTER]);
    await pg.panel.getByText('Poster').first().waitFor();
    await pg.generate('warmer light');
    // The poster has text, kept editable by default: the result is a copy of it with its text layers live.
    const result = await pg.waitForNewTopLayer(before);
    const after = await pg.nodes();
    expect(after.filter((n) => n.parentId === result.id).map((n) => n.type)).toEqual(['TEXT', 'TEXT', 'TEXT']);
    expect(result.name).toContain('Poster');
    expect(result.name).toContain('warmer light');
    expect([result.width, result.height]).toEqual([source.width, source.height]);
    expect(result.x).toBeGreaterThanOrEqual(source.x + source.width);
    // Clear of every other top-level layer.
    for (const other of after.filter((n) => n.parentId === '0:1' && n.id !== result.id)) {
      const overlaps =
        result.x < other.x + other.width &&
        other.x < result.x + result.width &&
        result.y < other.y + other.height &&
        other.y < result.y + result.height;
      expect(overlaps, `overlaps ${other.name}`).toBe(false);
    }
    // The source: same properties, same pixels, and every original node still there unchanged.
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(await pg.exportPng(POSTER)).toBe(pixelsBefore);
    expect(await pg.exportPng(result.id)).not.toBe(pixelsBefore);
    // Gemini 3 answered JPEG at 1K for the poster's ratio; cropped to the poster's exact aspect, it went in as a PNG.
    await expect.poll(() => answered.length).toBe(1);
    expect(answered[0]?.mimeType).toBe('image/jpeg');
    const placed = readImageHeader(Buffer.from((await pg.imageFillBytes(result.id)) ?? '', 'base64'));
    expect(placed?.mimeType).toBe('image/png');
    expect(placed!.width / placed!.height).toBeCloseTo(source.width / source.height, 2);
    await screenshotAsync(page, 'playground-after-edit');
  });
});

describe('while it runs', () => {
  it('Cancel really cancels: nothing is added and the panel says so', async () => {
    const before = await pg.nodes();
    await pg.generate('a slow picture [double:slow:4000]');
    await pg.panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => pg.panel.locator('body').innerText()).toMatch(/cancel/i);
    // The call had reached Gemini, which may bill it anyway: the banner says about how much (the estimate).
    expect(await pg.panel.locator('.banner[data-code="cancelled"]').innerText()).toMatch(
      /^The request was cancelled\. Nothing was added to the canvas\.\n+Gemini may bill this call: ≈ \$0\.0\d\n/,
    );
    await page.waitForTimeout(4500);
    expect(await pg.nodes()).toEqual(before);
    expect(await pg.panel.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true);
  });

  it('a safety block shows what happened and adds nothing', async () => {
    const before = await pg.nodes();
    await pg.generate('something unsafe [double:image-safety]');
    await expect
      .poll(() => pg.panel.locator('body').innerText(), { timeout: 10_000 })
      .toMatch(/safety filters blocked/);
    expect(await pg.nodes()).toEqual(before);
  });

  it('an answer without an image says what Gemini billed for it, and adds nothing', async () => {
    const before = await pg.nodes();
    await pg.generate('only words please [double:text-only]');
    const banner = pg.panel.locator('.banner[data-code="no_image_returned"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.locator('.billed').innerText()).toMatch(/^Gemini may bill this call: ≈ \$0\.00\d+$/);
    expect(await pg.nodes()).toEqual(before);
  });

  it('an unreachable proxy shows what to do and adds nothing', async () => {
    const before = await pg.nodes();
    await pg.panel.getByRole('button', { name: 'Settings' }).click();
    await pg.panel.getByLabel('Proxy URL').fill('http://127.0.0.1:9');
    await pg.panel.getByRole('button', { name: 'Save' }).click();
    await pg.panel
      .getByRole('button', { name: 'Back' })
      .click()
      .catch(() => undefined);
    await pg.generate('a red bicycle');
    await expect.poll(() => pg.panel.locator('body').innerText(), { timeout: 10_000 }).toMatch(/Could not reach/);
    expect(await pg.nodes()).toEqual(before);
  });
});
