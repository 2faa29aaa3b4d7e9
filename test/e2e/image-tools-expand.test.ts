/**
 * Expand end to end in real Chromium: the playground runs the real sandbox bundle on the Figma double and the real
 * panel, against the real proxy in offline mode, whose Gemini double answers an Expand by filling the white around
 * the picture with its edge colours in bands (dev/gemini-double/tool-answer.ts), as JPEG (Gemini 3). The placed layer
 * is the canvas's size, and inside it the original is the source's export byte for byte; a safety block and a
 * Cancel leave the canvas as it was; ⌘Z removes the result.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { EXPAND_MARKER } from '../../core/tool-instructions.js';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';
import { savedAsync } from './tool-undo-fixtures.js';

usePrecisionPlayground();

const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function exportAt2xAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

/** Whether `inner` is `outer`'s block at (x, y), byte for byte. */
function sameBlock(outer: RgbaImage, inner: RgbaImage, x: number, y: number): boolean {
  for (let row = 0; row < inner.height; row++) {
    const a = outer.data.subarray(((y + row) * outer.width + x) * 4, ((y + row) * outer.width + x + inner.width) * 4);
    const b = inner.data.subarray(row * inner.width * 4, (row + 1) * inner.width * 4);
    if (!Buffer.from(a).equals(Buffer.from(b))) return false;
  }
  return true;
}

/** Adds a Gemini double trigger to every Expand request the panel sends (the instruction itself has none). */
async function withTriggerAsync(trigger: string): Promise<void> {
  await page.route('**/v1/generate', async (route: Route) => {
    const body = route.request().postDataJSON() as { prompt: string };
    await route.fallback({ postData: JSON.stringify({ ...body, prompt: `${body.prompt} ${trigger}` }) });
  });
}

async function expandProductAsync(): Promise<string> {
  const id = await productIdAsync();
  await pg.select([id]);
  await pg.panel.getByRole('region', { name: 'Image tools' }).waitFor();
  return id;
}

describe('Expand in the playground', () => {
  it(
    'grows the product shot to 16:9: the original is the export byte for byte, the new area is filled',
    { timeout: 120_000 },
    async () => {
      const id = await expandProductAsync();
      const tools = pg.panel.getByRole('region', { name: 'Image tools' });
      await expect.poll(() => tools.textContent()).toMatch(/1067×600 pt, one call.*\$/);
      const saved = await savedAsync();
      const before = await pg.nodes();
      await tools.getByRole('button', { name: 'Expand' }).click();
      const result = await pg.waitForNewTopLayer(before);
      expect(sent.at(-1)?.prompt.startsWith(EXPAND_MARKER)).toBe(true);
      expect(sent.at(-1)).toMatchObject({ aspectRatio: '16:9', imageSize: '2K' });
      expect([result.width, result.height]).toEqual([1066.67, 600]);
      expect(result.x).toBeGreaterThan(640 + 600);

      const fill = decodePng(Buffer.from((await pg.imageFillBytes(result.id))!, 'base64'));
      const source = await exportAt2xAsync(id);
      expect([fill.width, fill.height]).toEqual([2133, 1200]);
      const record = await recordOf(result.id);
      expect(record.tool).toEqual({
        name: 'expand',
        canvas: { width: 1066.67, height: 600 },
        original: { x: 233.34, y: 0, width: 600, height: 600 },
      });
      expect(sameBlock(fill, source, 467, 0)).toBe(true);
      // The new area is the double's: the edge colour carried outward in light and dark bands, not the flat white
      // the panel sent.
      const row = Array.from({ length: 460 }, (_, x) => fill.data[(600 * fill.width + x) * 4 + 1]!);
      expect(Math.min(...row)).toBeLessThan(215);
      expect(Math.max(...row) - Math.min(...row)).toBeGreaterThan(30);
      await expect
        .poll(() => pg.panel.locator('.note').first().textContent())
        .toMatch(/Added “Product shot — Expand 1067×600”.*\$/);

      // One ⌘Z takes the result away and nothing else: the document is as it was.
      await page.evaluate(() => window.bananaPlayground.undo());
      expect(await savedAsync()).toEqual(saved);
    },
  );

  it('takes a typed size; a safety block leaves the canvas as it was', async () => {
    await expandProductAsync();
    await withTriggerAsync('[double:image-safety]');
    const tools = pg.panel.getByRole('region', { name: 'Image tools' });
    await tools.getByRole('combobox', { name: 'Expand to' }).selectOption('size');
    await tools.getByRole('spinbutton', { name: 'New width (pt)' }).fill('500');
    await tools.getByRole('spinbutton', { name: 'New height (pt)' }).fill('600');
    await expect.poll(() => tools.textContent()).toMatch(/at least the image’s on both sides/);
    await tools.getByRole('spinbutton', { name: 'New width (pt)' }).fill('800');
    await expect.poll(() => tools.textContent()).toMatch(/800×600 pt, one call/);
    const before = await page.evaluate(() => window.bananaPlayground.save());
    await tools.getByRole('button', { name: 'Expand' }).click();
    const banner = pg.panel.locator('[data-code=safety_blocked]');
    await banner.waitFor();
    // In Expand's words: it has no prompt to rephrase.
    expect(await banner.textContent()).toMatch(
      /Gemini’s safety filters refused to expand this image, so nothing was added\. Try another image, or a smaller expansion\./,
    );
    expect(await banner.textContent()).not.toMatch(/prompt/i);
    expect(await page.evaluate(() => window.bananaPlayground.save())).toEqual(before);
  });

  it('Cancel while Gemini works leaves the canvas as it was and says what it may cost', async () => {
    await expandProductAsync();
    await withTriggerAsync('[double:slow:4000]');
    const before = await page.evaluate(() => window.bananaPlayground.save());
    await pg.panel.getByRole('region', { name: 'Image tools' }).getByRole('button', { name: 'Expand' }).click();
    await pg.panel.getByText('Generating').waitFor();
    await pg.panel.getByRole('button', { name: 'Cancel' }).click();
    const banner = pg.panel.locator('[data-code=cancelled]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Nothing was added.*\$/);
    await page.waitForTimeout(4500);
    expect(await page.evaluate(() => window.bananaPlayground.save())).toEqual(before);
  });

  it(
    'expands to a frame drawn around the image, keeping the image where it lies in it',
    { timeout: 120_000 },
    async () => {
      const id = await productIdAsync();
      const frameId = await page.evaluate(() => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        const frame = figma.createFrame();
        frame.name = 'Canvas';
        frame.fills = [];
        frame.resize(900, 700);
        frame.x = 600;
        frame.y = -20;
        return frame.id;
      });
      await pg.select([id, frameId]);
      const tools = pg.panel.getByRole('region', { name: 'Image tools' });
      await expect.poll(() => tools.textContent()).toMatch(/to Canvas.*900×700 pt, one call/);
      const before = await pg.nodes();
      await tools.getByRole('button', { name: 'Expand' }).click();
      const result = await pg.waitForNewTopLayer(before);
      expect([result.width, result.height]).toEqual([900, 700]);
      const fill = decodePng(Buffer.from((await pg.imageFillBytes(result.id))!, 'base64'));
      expect(sameBlock(fill, await exportAt2xAsync(id), 80, 40)).toBe(true);
      expect((await recordOf(result.id)).tool?.original).toEqual({ x: 40, y: 20, width: 600, height: 600 });
    },
  );
});
