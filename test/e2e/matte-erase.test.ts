/**
 * Erase end to end in real Chromium: the playground (the real sandbox bundle on the Figma double, the real panel)
 * against the real proxy in offline mode, whose Gemini double answers an erase by filling the crop with the colour
 * around it (dev/gemini-double/erase-fill.ts). An ellipse drawn over the product shot and selected alone, one click
 * on Erase: every pixel outside the shape is the source's, byte for byte (both exported by the double with the same
 * settings, decoded with core/png.ts; the shape rasterized independently with core/region-shape.ts), the inside is
 * the surrounding colour, and the result carries a turn record whose tool is `erase`. A safety block and a Cancel
 * leave the canvas as it was.
 */
import { describe, expect, it } from 'vitest';
import { ERASE_PROMPT } from '../../core/erase-instruction.js';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { rasterizeShape } from '../../core/region-shape.js';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

/** The product shot: 600 × 600 at (640, 0), exported at 2× (no export settings). */
const PRODUCT = { x: 640, y: 0 };
const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function exportGridAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

/** An ellipse 240 × 160 over the bottle, made on `window.figma` as a person draws one. */
async function drawEllipseAsync(): Promise<string> {
  return page.evaluate(() => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const node = figma.createEllipse();
    node.resize(240, 160);
    node.x = 820;
    node.y = 200;
    node.fills = [{ type: 'SOLID', color: { r: 1, g: 0.2, b: 0.2 }, opacity: 0.4 }];
    return node.id;
  });
}

/** The ellipse in the export's pixels (2×, relative to the product shot). */
const ELLIPSE = { kind: 'ellipse', cx: (820 + 120 - PRODUCT.x) * 2, cy: (200 + 80) * 2, rx: 240, ry: 160 } as const;

async function eraseButton() {
  const button = pg.panel.getByRole('button', { name: 'Erase', exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  return button;
}

describe('Erase in the playground', () => {
  it('removes what the ellipse covers; every pixel outside it is the source’s', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const ellipse = await drawEllipseAsync();
    const source = await exportGridAsync(product);
    await pg.select([ellipse]);
    await pg.panel.locator('[data-role=region]').waitFor();
    await expect.poll(() => pg.panel.getByLabel('Erase estimate').innerText()).toMatch(/^≈ \$0\.\d+$/);
    const before = await pg.nodes();
    await (await eraseButton()).click();
    const result = await pg.waitForNewTopLayer(before);
    expect([result.width, result.height]).toEqual([600, 600]);

    const request = sent.at(-1)!;
    expect(request.prompt).toMatch(/please remove the object .* from the scene/);
    const record = await recordOf(result.id);
    expect(record.tool).toEqual({ name: 'erase' });
    expect(record.prompt).toBe(ERASE_PROMPT);
    expect(record.region).toMatchObject({ nodeId: ellipse });

    const erased = await exportGridAsync(result.id);
    const mask = rasterizeShape(source.width, source.height, ELLIPSE);
    let outside = 0;
    let outsideChanged = 0;
    for (let i = 0; i < source.width * source.height; i++) {
      const px = [0, 1, 2, 3].map((k) => erased.data[i * 4 + k]!);
      const alpha = mask.alpha[i]!;
      // The feather lies inside the shape: anything the rasterized shape leaves at 0 must be the source's.
      if (alpha !== 0 || nearShape(mask.alpha, source.width, source.height, i)) continue;
      outside++;
      if (px.some((v, k) => v !== source.data[i * 4 + k])) outsideChanged++;
    }
    expect(outside).toBeGreaterThan(1_000_000);
    expect(outsideChanged).toBe(0);
    // Deep inside, one colour: the double's fill of the surroundings (the feather's edge is blended).
    const deep = (ELLIPSE.cy * source.width + ELLIPSE.cx) * 4;
    const centre = [0, 1, 2, 3].map((k) => erased.data[deep + k]);
    expect(centre).not.toEqual([0, 1, 2, 3].map((k) => source.data[deep + k]));
    expect(centre[3]).toBe(255);
    // The product shot and the ellipse are as they were; the result went beside, as one new layer.
    const after = await pg.nodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(await exportGridAsync(product)).toEqual(source);
  });

  it('a safety block and a Cancel leave the canvas as it was', { timeout: 120_000 }, async () => {
    const ellipse = await drawEllipseAsync();
    await pg.select([ellipse]);
    await pg.panel.locator('[data-role=region]').waitFor();
    const before = await pg.nodes();
    // Gemini blocks the request: the proxy's envelope, as it answers a blocked prompt.
    await page.route('**/v1/generate', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ error: { code: 'safety_blocked', message: 'Gemini blocked this request.' } }),
      }),
    );
    await (await eraseButton()).click();
    const blocked = pg.panel.locator('.banner[data-code="safety_blocked"]');
    await blocked.waitFor();
    expect(await blocked.textContent()).toMatch(/refused to erase what this shape covers, so nothing was added\. Try/);
    expect(await pg.nodes()).toEqual(before);

    // A call that never answers, then Cancel: nothing is added, and the panel says what it may cost.
    await page.unroute('**/v1/generate');
    await page.route('**/v1/generate', () => undefined);
    await (await eraseButton()).click();
    await pg.panel.getByRole('button', { name: 'Cancel' }).click();
    await pg.panel.locator('.banner[data-code="cancelled"]').waitFor();
    await page.waitForTimeout(300);
    expect(await pg.nodes()).toEqual(before);
  });
});

/** Whether pixel `i` is within 2 px of the shape (its anti-aliased rim, which the double rasterizes on its own). */
function nearShape(alpha: Uint8Array, width: number, height: number, i: number): boolean {
  const x = i % width;
  const y = (i - x) / width;
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const px = x + dx;
      const py = y + dy;
      if (px >= 0 && py >= 0 && px < width && py < height && alpha[py * width + px] !== 0) return true;
    }
  }
  return false;
}
