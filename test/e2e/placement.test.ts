/**
 * Where results go, end to end in real Chromium, as a designer meets it: the playground runs the real sandbox bundle
 * on the Figma double and the real panel, against the real proxy in offline mode. The Gemini double's
 * `[double:slow:3000]` keeps a request running long enough for the designer to click elsewhere on the canvas, or to
 * delete the source, meanwhile (docs/gemini-double.md).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-placement-');

/** Clicks the canvas at page point (x, y), as a designer clicks a layer there (or the empty canvas). */
async function clickCanvasAsync(page: Page, x: number, y: number): Promise<void> {
  const [left, top] = await page.evaluate(
    ([px, py]) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const box = document.querySelector('#canvas')!.getBoundingClientRect();
      const { x: cx, y: cy } = figma.viewport.center;
      const z = figma.viewport.zoom;
      return [(px! - cx) * z + box.width / 2 + box.left, (py! - cy) * z + box.height / 2 + box.top];
    },
    [x, y],
  );
  await page.mouse.click(left!, top!);
}

/** Clicks the canvas a little inside its top-left corner, where the sample leaves the page empty. */
async function clickEmptyCanvasAsync(page: Page): Promise<void> {
  const box = (await page.locator('#canvas').boundingBox())!;
  await page.mouse.click(box.x + 8, box.y + 8);
}

/** Clicks the middle of a layer on the canvas. */
function clickLayerAsync(page: Page, node: NodeDescription): Promise<void> {
  return clickCanvasAsync(page, node.x + node.width / 2, node.y + node.height / 2);
}

function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((node) => node.id),
  );
}

/** Waits until Generate's request is running (Cancel shows) so what follows happens while Gemini works. */
async function whileGeneratingAsync(pg: Playground): Promise<void> {
  await pg.panel.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 10_000 });
}

function apart(a: NodeDescription, b: NodeDescription, gap: number): boolean {
  return (
    a.x >= b.x + b.width + gap ||
    b.x >= a.x + a.width + gap ||
    a.y >= b.y + b.height + gap ||
    b.y >= a.y + a.height + gap
  );
}

describe('results and the designer’s canvas', () => {
  it('leaves the selection where the designer moved it while Gemini worked', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const poster = original.find((n) => n.name === 'Poster')!;
    const productShot = original.find((n) => n.name === 'Product shot')!;
    await clickLayerAsync(page, poster);
    await pg.panel.getByText('Poster').first().waitFor();

    await pg.generate('warmer light [double:slow:3000]');
    await whileGeneratingAsync(pg);
    await clickLayerAsync(page, productShot);
    const made = await pg.waitForNewTopLayer(original);
    await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();

    expect(made.name).toMatch(/^Poster — warmer light/);
    expect(await selectedIds(page)).toEqual([productShot.id]);
    expect(errors).toEqual([]);
  });

  it('moves the selection to the result when the designer left it alone', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const poster = original.find((n) => n.name === 'Poster')!;
    await clickLayerAsync(page, poster);
    await pg.panel.getByText('Poster').first().waitFor();
    await pg.generate('soft morning haze [double:slow:1000]');
    const made = await pg.waitForNewTopLayer(original);
    await expect.poll(() => selectedIds(page), { timeout: 10_000 }).toEqual([made.id]);
    expect(errors).toEqual([]);
  });

  it('places the answer where the source was when the designer deletes it meanwhile, and says so', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const poster = original.find((n) => n.name === 'Poster')!;
    await clickLayerAsync(page, poster);
    await pg.panel.getByText('Poster').first().waitFor();

    // A prompt of its own, so the proxy's cache cannot answer before the designer deletes the Poster.
    await pg.generate('deep blue dusk [double:slow:3000]');
    await whileGeneratingAsync(pg);
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await pg.nodes()).some((n) => n.id === poster.id)).toBe(false);

    const made = await pg.waitForNewTopLayer(original.filter((n) => n.id !== poster.id));
    expect([made.x, made.y, made.width, made.height]).toEqual([poster.x, poster.y, poster.width, poster.height]);
    expect(made.name).toBe('Poster — deep blue dusk [double:slow:3000]');
    await pg.panel.getByText('Poster was deleted while Gemini worked; the result is where it was.').waitFor();
    expect(errors).toEqual([]);
  });

  it('puts text-to-image results on free space near the view, over no layer and no earlier result', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const top = original.filter((n) => n.parentId === '0:1');
    const made: NodeDescription[] = [];
    for (const prompt of ['a red bicycle on a yellow wall', 'a blue kite over the sea']) {
      // Nothing selected: click the empty canvas in the view's top-left corner (the view stays where it is).
      await clickEmptyCanvasAsync(page);
      await expect.poll(() => selectedIds(page)).toEqual([]);
      const before = await pg.nodes();
      await pg.generate(prompt);
      const result = await pg.waitForNewTopLayer(before);
      await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
      for (const layer of [...top, ...made]) expect(apart(result, layer, 40), `covers ${layer.name}`).toBe(true);
      made.push(result);
    }
    // The second was asked for with the first in the middle of the view (the first was scrolled to): it went beside.
    expect(errors).toEqual([]);
  });

  it('applies an edit in place when ticked: the image layer’s fill, one ⌘Z away from the original', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const productShot = original.find((n) => n.name === 'Product shot')!;
    const fillsOf = () =>
      page.evaluate((id) => {
        const node = (window as unknown as { figma: PluginAPI }).figma.currentPage.findOne((n) => n.id === id);
        return (node as FrameNode).fills as ImagePaint[];
      }, productShot.id);
    const before = await fillsOf();
    await clickLayerAsync(page, productShot);
    const choice = pg.panel.getByRole('checkbox', { name: /Apply in place/ });
    await choice.check();

    await pg.generate('studio light, applied in place');
    await pg.panel.getByText('Applied in place to “Product shot” (⌘Z undoes it).').waitFor({ timeout: 30_000 });
    expect((await pg.nodes()).length).toBe(original.length);
    const after = await fillsOf();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ imageHash: before[0]!.imageHash, visible: false });
    expect(after[1]!.imageHash).not.toBe(before[0]!.imageHash);
    const record = JSON.parse((await pg.pluginData(productShot.id))['banana.turn']!) as { replacedFill: unknown };
    expect(record.replacedFill).toMatchObject({ imageHash: before[0]!.imageHash, scaleMode: 'FILL', index: 0 });

    // The toolbar's Undo (⌘Z): the layer as it was.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(fillsOf).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('offers Apply in place for an image layer only: not for a frame with text on it', async () => {
    const { page, pg, errors } = await servers.openPageAsync();
    const original = await pg.nodes();
    const productShot = original.find((n) => n.name === 'Product shot')!;
    const poster = original.find((n) => n.name === 'Poster')!;
    await clickLayerAsync(page, productShot);
    await pg.panel.getByRole('checkbox', { name: /Apply in place/ }).waitFor();
    await clickLayerAsync(page, poster);
    await pg.panel.getByText('Poster').first().waitFor();
    expect(await pg.panel.getByRole('checkbox', { name: /Apply in place/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
