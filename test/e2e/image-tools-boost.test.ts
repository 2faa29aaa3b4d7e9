/**
 * Boost resolution end to end in real Chromium (the playground: the real sandbox bundle on the Figma double, the
 * real panel, the real proxy in offline mode, whose Gemini double answers a Boost at the requested size with the
 * picture resampled under a fine grid: dev/gemini-double/tool-answer.ts). The panel shows the pixels before and after;
 * the placed fill has the boosted pixels (the double keeps image bytes, read back here) while the layer keeps its
 * size in points; one ⌘Z takes it away; a layer already at the model's maximum is refused; Apply in place replaces the
 * fill as one ⌘Z; a refused answer leaves the canvas as it was.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { BOOST_MARKER } from '../../core/tool-instructions.js';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';
import { inPlaceThenUndoAsync, savedAsync, tickApplyInPlaceAsync } from './tool-undo-fixtures.js';

usePrecisionPlayground();

/** The pixel size of the layer's visible IMAGE fill, read from its bytes as `figma.createImage` got them. */
async function fillPixelsAsync(id: string): Promise<[number, number]> {
  const base64 = await page.evaluate(async (nodeId) => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const node = figma.currentPage.findOne((n) => n.id === nodeId);
    const fills = node && 'fills' in node && Array.isArray(node.fills) ? (node.fills as readonly Paint[]) : [];
    const shown = fills.filter((paint): paint is ImagePaint => paint.type === 'IMAGE' && paint.visible !== false);
    const bytes = await figma.getImageByHash(shown.at(-1)!.imageHash!)!.getBytesAsync();
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, id);
  const header = readImageHeader(Buffer.from(base64, 'base64'))!;
  return [header.width, header.height];
}

function tools() {
  return pg.panel.getByRole('region', { name: 'Image tools' });
}

describe('Boost resolution in the playground', () => {
  it(
    're-renders the product shot at 4K: more pixels, the same size in points; a 4K layer is refused',
    { timeout: 120_000 },
    async () => {
      const id = await productIdAsync();
      await pg.select([id]);
      await expect.poll(() => tools().textContent()).toMatch(/600×600 → 4096×4096 px ≈ \$/);
      const saved = await savedAsync();
      const before = await pg.nodes();
      await tools().getByRole('button', { name: 'Boost resolution' }).click();
      const result = await pg.waitForNewTopLayer(before);
      expect(sent.at(-1)?.prompt.startsWith(BOOST_MARKER)).toBe(true);
      expect(sent.at(-1)).toMatchObject({ aspectRatio: '1:1', imageSize: '4K' });
      expect([result.width, result.height]).toEqual([600, 600]);
      expect(await fillPixelsAsync(result.id)).toEqual([4096, 4096]);
      expect((await recordOf(result.id)).tool).toEqual({
        name: 'boost',
        pixelsBefore: { width: 600, height: 600 },
        pixelsAfter: { width: 4096, height: 4096 },
      });
      await expect
        .poll(() => pg.panel.locator('.note').first().textContent())
        .toMatch(/Added “Product shot — Boost resolution 4096×4096”.*\$/);

      await pg.select([result.id]);
      await expect.poll(() => tools().textContent()).toMatch(/already 4096×4096 px.*nothing to boost/);
      expect(await tools().getByRole('button', { name: 'Boost resolution' }).isDisabled()).toBe(true);

      // One ⌘Z takes the result away and nothing else.
      await page.evaluate(() => window.bananaPlayground.undo());
      expect(await savedAsync()).toEqual(saved);
    },
  );

  it('applies a 2K boost in place as one ⌘Z', async () => {
    const id = await productIdAsync();
    await pg.select([id]);
    await tools().getByRole('combobox', { name: 'Boost to' }).selectOption('2K');
    await expect.poll(() => tools().textContent()).toMatch(/600×600 → 2048×2048 px/);
    await tickApplyInPlaceAsync();
    await inPlaceThenUndoAsync(id, 'boost', async () => {
      await tools().getByRole('button', { name: 'Boost resolution' }).click();
      await expect.poll(() => fillPixelsAsync(id), { timeout: 20_000 }).toEqual([2048, 2048]);
      expect((await pg.nodes()).find((n) => n.id === id)).toMatchObject({ width: 600, height: 600 });
    });
    expect(await fillPixelsAsync(id)).toEqual([600, 600]);
  });

  it('an answer without an image leaves the canvas as it was', async () => {
    await page.route('**/v1/generate', async (route: Route) => {
      const body = route.request().postDataJSON() as { prompt: string };
      await route.fallback({ postData: JSON.stringify({ ...body, prompt: `${body.prompt} [double:no-image]` }) });
    });
    await pg.select([await productIdAsync()]);
    await expect.poll(() => tools().textContent()).toMatch(/→ 4096×4096 px/);
    const before = await page.evaluate(() => window.bananaPlayground.save());
    await tools().getByRole('button', { name: 'Boost resolution' }).click();
    const banner = pg.panel.locator('[data-code=no_image_returned]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /when asked to boost this image’s resolution, so nothing was added\. Try again/,
    );
    expect(await page.evaluate(() => window.bananaPlayground.save())).toEqual(before);
  });
});
