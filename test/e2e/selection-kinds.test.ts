/**
 * What the panel offers for each kind of selection, in real Chromium: the playground runs the real sandbox bundle on
 * the Figma double and the real panel in its sandboxed iframe, against the real proxy in offline mode. A shape drawn
 * with the Ellipse tool over the product shot and selected alone is a regional edit of the product shot.
 */
import { describe, expect, it } from 'vitest';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

/** Screen position of a page point on the playground's canvas. */
async function screenPointAsync(x: number, y: number): Promise<[number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const box = document.querySelector('#canvas')!.getBoundingClientRect();
      const { x: cx, y: cy } = figma.viewport.center;
      const z = figma.viewport.zoom;
      return [(px - cx) * z + box.width / 2 + box.left, (py - cy) * z + box.height / 2 + box.top] as [number, number];
    },
    [x, y] as const,
  );
}

/** Draws a shape with the playground's tool `tool` by dragging from one page point to another. */
async function drawAsync(tool: string, from: [number, number], to: [number, number]): Promise<void> {
  await page.locator(`button[data-tool=${tool}]`).click();
  await page.mouse.move(...(await screenPointAsync(...from)));
  await page.mouse.down();
  await page.mouse.move(...(await screenPointAsync(...to)), { steps: 6 });
  await page.mouse.up();
}

/** The ids of the selected layers. */
async function selectedIdsAsync(): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((node) => node.id),
  );
}

describe('a shape selected alone over an image', () => {
  it('is a regional edit of the layer under it, outlined on its thumbnail', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    // The product shot is 600 × 600 at (640, 0): the ellipse covers (800, 150)–(1000, 350) on it.
    await drawAsync('ellipse', [800, 150], [1000, 350]);
    const ellipse = (await pg.nodes()).find((n) => n.type === 'ELLIPSE')!;
    expect(await selectedIdsAsync()).toEqual([ellipse.id]);

    await pg.panel.getByText(`Edit inside ${ellipse.name} on Product shot`).waitFor();
    await pg.panel.locator('[data-role=region]').getByText(ellipse.name).waitFor();
    await pg.panel.getByText('the layer under the shape').waitFor();
    const outline = pg.panel.locator('[data-testid=region-outline]');
    await outline.waitFor();
    const thumb = (await pg.panel.getByAltText('Preview of Product shot').boundingBox())!;
    const drawn = (await outline.boundingBox())!;
    // The ellipse's box mapped onto the 48 × 48 preview: a third of it wide, from a quarter down.
    expect((drawn.x - thumb.x) / thumb.width).toBeCloseTo(160 / 600, 1);
    expect((drawn.y - thumb.y) / thumb.height).toBeCloseTo(150 / 600, 1);
    expect(drawn.width / thumb.width).toBeCloseTo(200 / 600, 1);
    await expect.poll(() => pg.panel.locator('.readout').innerText()).toBe('Shape’s crop at 2×');

    const before = await pg.nodes();
    await pg.generate('a red armchair');
    await expect
      .poll(async () => (await pg.nodes()).some((n) => n.name === 'Product shot — a red armchair'), { timeout: 60_000 })
      .toBe(true);
    const result = (await pg.nodes()).find((n) => n.name === 'Product shot — a red armchair')!;
    expect(result.x).toBeGreaterThanOrEqual(640 + 600);
    expect(sent.at(-1)!.prompt).toMatch(/change only the area .*: a red armchair/);
    const record = await recordOf(result.id);
    expect(record.region).toMatchObject({ nodeId: ellipse.id });
    // Only the result was added; the product shot and the ellipse are as they were.
    const after = await pg.nodes();
    for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expect(after.find((n) => n.id === product)).toBeDefined();
  });

  it('over empty canvas it stays a layer of its own', { timeout: 60_000 }, async () => {
    await page.evaluate(() => {
      (window as unknown as { figma: PluginAPI }).figma.viewport.center = { x: 2050, y: 2040 };
    });
    await drawAsync('rectangle', [2000, 2000], [2100, 2080]);
    const rectangle = (await pg.nodes()).find((n) => n.type === 'RECTANGLE' && n.x === 2000)!;
    expect(await selectedIdsAsync()).toEqual([rectangle.id]);
    await pg.panel.getByText('The result goes beside it; this layer is not changed.').waitFor();
    expect(await pg.panel.getByText(/Edit inside/).count()).toBe(0);
  });
});
