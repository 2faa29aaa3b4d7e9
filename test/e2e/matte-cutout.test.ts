/**
 * Remove background and Isolate object end to end in real Chromium: the playground (the real sandbox bundle on the
 * Figma double, the real panel) against the real proxy in offline mode, whose Gemini double answers segmentation
 * calls with masks of the blobs that stand out from the backdrop (dev/gemini-double/segment-answer.ts). One click on
 * the product shot: the placed image's bytes, read back from its fill, are the source export's own pixels with a
 * true alpha channel: every byte the export's where the bottle is opaque, alpha 0 on the backdrop, a soft edge
 * between. A failure leaves the canvas as it was.
 */
import { describe, expect, it } from 'vitest';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function exportGridAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

async function placedImageAsync(id: string): Promise<RgbaImage> {
  return decodePng(Buffer.from((await pg.imageFillBytes(id)) ?? '', 'base64'));
}

/** Counts of the cut-out's pixels against the source's: RGB always the source's, alpha 255, 0 or between. */
function compareCutOut(source: RgbaImage, cut: RgbaImage) {
  expect([cut.width, cut.height]).toEqual([source.width, source.height]);
  const counts = { rgbChanged: 0, opaque: 0, opaqueChanged: 0, clear: 0, soft: 0 };
  for (let i = 0; i < source.width * source.height; i++) {
    const o = i * 4;
    if ([0, 1, 2].some((k) => cut.data[o + k] !== source.data[o + k])) counts.rgbChanged++;
    const a = cut.data[o + 3]!;
    if (a === 255) {
      counts.opaque++;
      if (cut.data[o + 3] !== source.data[o + 3]) counts.opaqueChanged++;
    } else if (a === 0) counts.clear++;
    else counts.soft++;
  }
  return counts;
}

const alphaAt = (image: RgbaImage, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];

describe('Remove background and Isolate object in the playground', () => {
  it('Remove background: the source’s pixels with a true alpha channel', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const source = await exportGridAsync(product);
    await pg.select([product]);
    const button = pg.panel.getByRole('button', { name: 'Remove background' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await expect
      .poll(() => pg.panel.getByLabel('Remove background estimate').innerText())
      .toMatch(/^· segmentation ≈ \$0\.0\d+$/);
    const before = await pg.nodes();
    await button.click();
    const result = await pg.waitForNewTopLayer(before);
    expect([result.width, result.height]).toEqual([600, 600]);
    const record = await recordOf(result.id);
    expect(record.tool).toEqual({ name: 'remove-background', matte: 'segmentation' });
    expect(record.prompt).toBe('Remove background');
    expect(record.model).toBe('gemini-2.5-flash');
    expect(record.usage.costUsd).toBeGreaterThan(0);

    const cut = await placedImageAsync(result.id);
    const counts = compareCutOut(source, cut);
    expect(counts.rgbChanged).toBe(0);
    expect(counts.opaqueChanged).toBe(0);
    expect(counts.opaque).toBeGreaterThan(100_000); // the bottle
    expect(counts.clear).toBeGreaterThan(800_000); // the backdrop
    expect(counts.soft).toBeGreaterThan(300); // its edge, from the mask’s probabilities
    expect(alphaAt(cut, 600, 720)).toBe(255);
    expect(alphaAt(cut, 10, 10)).toBe(0);
    // The product shot is as it was; the cost after is shown.
    expect(await exportGridAsync(product)).toEqual(source);
    await expect.poll(() => pg.panel.locator('p.note .cost').first().innerText()).toMatch(/\$0\.00\d+/);
  });

  it('Isolate object by name, and a failed call that leaves the canvas as it was', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const source = await exportGridAsync(product);
    await pg.select([product]);
    await pg.panel.getByLabel('Object to isolate').fill('the bottle');
    const button = pg.panel.getByRole('button', { name: 'Isolate object' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const before = await pg.nodes();
    await button.click();
    const result = await pg.waitForNewTopLayer(before);
    const record = await recordOf(result.id);
    expect(record.tool).toEqual({ name: 'isolate', matte: 'segmentation', object: 'the bottle' });
    const counts = compareCutOut(source, await placedImageAsync(result.id));
    expect(counts.rgbChanged).toBe(0);
    expect(counts.opaqueChanged).toBe(0);
    expect(counts.clear).toBeGreaterThan(800_000);

    const after = await pg.nodes();
    await page.route('**/v1/segment', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ error: { code: 'upstream_unavailable', message: 'Gemini is unavailable.' } }),
      }),
    );
    await pg.select([product]);
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await pg.panel.locator('.banner[data-code="upstream_unavailable"]').waitFor();
    expect(await pg.nodes()).toEqual(after);
  });

  it(
    'segmentation refused at the press (410): nothing billed, the panel moves to two renders and says their price',
    {
      timeout: 120_000,
    },
    async () => {
      const product = await productIdAsync();
      await pg.select([product]);
      const button = pg.panel.getByRole('button', { name: 'Remove background' });
      await expect.poll(() => button.isEnabled()).toBe(true);
      await page.route('**/v1/segment', (route) =>
        route.fulfill({
          status: 410,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ error: { code: 'model_unavailable', message: 'Gemini 2.5 Flash is not available.' } }),
        }),
      );
      const before = await pg.nodes();
      await button.click();
      const banner = pg.panel.locator('.banner[data-code="model_unavailable"]');
      await banner.waitFor();
      const estimate = pg.panel.getByLabel('Remove background estimate');
      await expect.poll(() => estimate.innerText()).toMatch(/^· two renders ≈ \$0\.\d+$/);
      const price = (await estimate.innerText()).replace('· two renders ', '');
      expect(await banner.innerText()).toContain(
        `Segmentation is not available on this proxy's key; Remove background now uses two renders (${price}). Press again to run it. Nothing was billed.`,
      );
      expect(await pg.nodes()).toEqual(before);
      expect(sent).toEqual([]);
    },
  );

  it('Isolate object marked with a shape: the mask under the shape', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const ellipse = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const node = figma.createEllipse();
      node.resize(120, 200);
      node.x = 880;
      node.y = 250;
      return node.id;
    });
    const source = await exportGridAsync(product);
    await pg.select([ellipse]);
    await pg.panel.locator('[data-role=region]').waitFor();
    await pg.panel.getByLabel('Object to isolate').fill('');
    const button = pg.panel.getByRole('button', { name: 'Isolate object' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const before = await pg.nodes();
    await button.click();
    const result = await pg.waitForNewTopLayer(before);
    expect((await recordOf(result.id)).tool).toEqual({ name: 'isolate', matte: 'segmentation' });
    const cut = await placedImageAsync(result.id);
    const counts = compareCutOut(source, cut);
    expect(counts.rgbChanged).toBe(0);
    expect(counts.opaqueChanged).toBe(0);
    expect(alphaAt(cut, 600, 720)).toBe(255);
    expect(alphaAt(cut, 10, 10)).toBe(0);
  });
});
