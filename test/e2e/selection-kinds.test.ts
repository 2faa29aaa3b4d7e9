/**
 * What the panel offers for each kind of selection, in real Chromium: the playground runs the real sandbox bundle on
 * the Figma double and the real panel in its sandboxed iframe, against the real proxy in offline mode. A shape drawn
 * with the Ellipse tool over the product shot and selected alone is a regional edit of the product shot.
 */
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { page, pg, POSTER, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

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
    await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}shape-alone-region.png` });

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

/** Whether the panel offers Generate, the prompt and the ratio and size menus. */
async function offersGenerateAsync(): Promise<boolean> {
  const generate = await pg.panel.getByRole('button', { name: 'Generate' }).count();
  const prompt = await pg.panel.getByPlaceholder(/What should change|Describe/).count();
  const menus = await pg.panel.locator('select:not([aria-label^="Role"])').count();
  return generate + prompt > 0 && menus > 0;
}

describe('only what works for the selection is offered', () => {
  it(
    'several results: no Generate or menus, a component set, then one of its variants',
    { timeout: 120_000 },
    async () => {
      const product = await productIdAsync();
      await pg.select([product]);
      await pg.panel.getByLabel('Variants').selectOption('2');
      await pg.generate('two beaches');
      await pg.panel.getByText(/2 results selected/).waitFor({ timeout: 60_000 });
      expect(await offersGenerateAsync()).toBe(false);
      expect(await pg.panel.getByRole('button', { name: 'Generate' }).count()).toBe(0);
      await pg.panel.getByRole('button', { name: 'Make component set' }).click();
      await pg.panel.getByText('Made component set').waitFor();
      const set = (await pg.nodes()).find((n) => n.type === 'COMPONENT_SET')!;
      await pg.panel.getByText(`“${set.name}” is a component set with 2 variants. To edit one, select it:`).waitFor();
      expect(await offersGenerateAsync()).toBe(false);

      await pg.panel.getByRole('button', { name: 'Edit Variant=2' }).click();
      const variant = (await pg.nodes()).find((n) => n.parentId === set.id && n.name === 'Variant=2')!;
      await expect.poll(selectedIdsAsync).toEqual([variant.id]);
      await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
      await pg.panel.locator('.selection .name').getByText('Variant=2').waitFor();
    },
  );

  it('a lone text layer offers its frame, which a click selects', { timeout: 60_000 }, async () => {
    const headline = (await pg.nodes()).find((n) => n.name === 'Headline')!;
    // The playground's canvas clicks top-level layers, as a first click in Figma does: the layers panel's pick.
    await pg.select([headline.id]);
    await pg.panel.getByText(/“Headline” is a text layer/).waitFor();
    expect(await offersGenerateAsync()).toBe(false);
    await pg.panel.getByRole('button', { name: 'Edit its frame Poster' }).click();
    await expect.poll(selectedIdsAsync).toEqual([POSTER]);
    await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
    expect(await offersGenerateAsync()).toBe(true);
  });

  it('several plain layers: select one to edit', { timeout: 60_000 }, async () => {
    await page.evaluate(() => {
      (window as unknown as { figma: PluginAPI }).figma.viewport.center = { x: 2100, y: 2040 };
    });
    await drawAsync('rectangle', [2000, 2000], [2080, 2060]);
    await drawAsync('star', [2150, 2000], [2230, 2060]);
    await page.locator('button[data-tool=move]').click();
    await page.keyboard.down('Shift');
    await page.mouse.click(...(await screenPointAsync(2040, 2030)));
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await selectedIdsAsync()).length).toBe(2);
    await pg.panel.getByText(/2 layers selected\. Select one layer to edit it/).waitFor();
    expect(await offersGenerateAsync()).toBe(false);
    // One of them alone is a layer to edit again: click empty canvas, then the rectangle.
    await page.mouse.click(...(await screenPointAsync(2100, 2200)));
    await page.mouse.click(...(await screenPointAsync(2040, 2030)));
    await expect.poll(async () => (await selectedIdsAsync()).length).toBe(1);
    await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
  });
});

describe('reference roles', () => {
  it('takes the role a name says, and asks for the others before sending', { timeout: 90_000 }, async () => {
    const product = await productIdAsync();
    const frame = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const node = figma.createFrame();
      node.name = 'Frame 7';
      node.x = 1400;
      return node.id;
    });
    await pg.select([POSTER, product, frame]);
    await expect.poll(() => pg.panel.getByLabel('Role of Product shot').inputValue()).toBe('product');
    await expect.poll(() => pg.panel.getByLabel('Role of Frame 7').inputValue()).toBe('');
    await pg.panel.locator('[data-role=unset]').getByText('choose what it is for').waitFor();

    const calls = sent.length;
    await pg.generate('put the bottle in her hand');
    await pg.panel.getByText('Choose what “Frame 7” is for: style, subject or product.', { exact: false }).waitFor();
    expect(sent.length).toBe(calls);

    await pg.panel.getByLabel('Role of Frame 7').selectOption('style');
    await pg.panel.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => sent.length, { timeout: 60_000 }).toBe(calls + 1);
    expect(sent.at(-1)!.images!.map((image) => image.role)).toEqual(['product', 'style', 'base']);
  });
});

describe('live text context', () => {
  it('a headline edited after the poster was selected is sent as it is at the press', { timeout: 90_000 }, async () => {
    await pg.select([POSTER]);
    await pg.panel.locator('.selection .name').getByText('Poster').waitFor();
    // The designer edits the headline while the poster stays selected (the playground has no text tool).
    await page.evaluate(async () => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const headline = figma.currentPage.findOne((n) => n.name === 'Headline') as TextNode;
      await figma.loadFontAsync(headline.fontName as FontName);
      headline.characters = 'Winter Sale';
    });
    const calls = sent.length;
    await pg.generate('warmer light');
    await expect.poll(() => sent.length, { timeout: 60_000 }).toBe(calls + 1);
    const prompt = sent.at(-1)!.prompt;
    expect(prompt).toContain('Winter Sale');
    expect(prompt).not.toContain('Summer Sale');
  });
});
