/**
 * Before / After and A / B in the panel, in real Chromium: the playground runs the real sandbox bundle on the Figma
 * double and the real panel in its sandboxed iframe, against the real proxy in offline mode. The pictures are
 * checked by their bytes against the layers' own exports, not just by their labels, and the canvas is left alone.
 */
import { describe, expect, it } from 'vitest';
import { exportConstraint } from '../../core/export-plan.js';
import { HISTORY_THUMBNAIL_SIDE } from '../../plugin/handlers/read-thumbnail.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { page, pg, POSTER, productIdAsync, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

/** The data URL of the layer's thumbnail as READ_THUMBNAIL makes it: a PNG export at most 96 px a side. */
async function thumbnailOfAsync(node: NodeDescription): Promise<string> {
  const constraint = exportConstraint(node.width, node.height, HISTORY_THUMBNAIL_SIDE);
  const base64 = await page.evaluate(
    async ({ id, constraint }) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const layer = (await figma.getNodeByIdAsync(id)) as SceneNode;
      const bytes = await layer.exportAsync({ format: 'PNG', constraint });
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { id: node.id, constraint },
  );
  return `data:image/png;base64,${base64}`;
}

/** Generates from the layer `sourceId` and returns the result once the panel shows it selected. */
async function resultOfAsync(sourceId: string, prompt: string): Promise<NodeDescription> {
  await pg.select([sourceId]);
  const before = await pg.nodes();
  await pg.generate(prompt);
  const made = await pg.waitForNewTopLayer(before);
  await pg.panel.getByText('AI-generated · turn 1.').waitFor({ timeout: 60_000 });
  return made;
}

const pressed = (name: string) => pg.panel.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

describe('Before / After on a selected result', () => {
  it('shows the source’s own thumbnail on Before and the result’s on After', { timeout: 120_000 }, async () => {
    const poster = (await pg.nodes()).find((n) => n.id === POSTER)!;
    const result = await resultOfAsync(POSTER, 'warmer light');
    const canvas = await pg.nodes();
    const toggle = pg.panel.getByRole('group', { name: 'Compare with the source' });
    await toggle.waitFor();
    expect(await pressed('After')).toBe('true');
    expect(await pressed('Before')).toBe('false');

    await toggle.getByRole('button', { name: 'Before' }).click();
    const beforeImage = pg.panel.getByAltText('Before: Poster');
    await beforeImage.waitFor();
    expect(await beforeImage.getAttribute('src')).toBe(await thumbnailOfAsync(poster));
    expect(await pressed('Before')).toBe('true');
    expect(await pressed('After')).toBe('false');
    await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}compare-before.png` });

    // From the keyboard: the toggle's buttons are ordinary buttons.
    await toggle.getByRole('button', { name: 'After' }).focus();
    await page.keyboard.press('Space');
    const afterImage = pg.panel.getByAltText(`Preview of ${result.name}`);
    await afterImage.waitFor();
    expect(await pg.panel.getByAltText('Before: Poster').count()).toBe(0);
    expect(await pressed('After')).toBe('true');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await beforeImage.waitFor();

    // Comparing changed nothing on the canvas, the selection included.
    expect(await pg.nodes()).toEqual(canvas);
    const selected = await page.evaluate(() =>
      (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((n) => n.id),
    );
    expect(selected).toEqual([result.id]);
  });

  it('says the source was deleted when it was', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const result = await resultOfAsync(product, 'on a beach');
    // The designer deletes the product shot with the toolbar's Delete, then selects the result again.
    await pg.select([product]);
    await page.locator('button[data-action=delete]').click();
    await expect.poll(async () => (await pg.nodes()).some((n) => n.id === product)).toBe(false);
    await pg.select([result.id]);
    await pg.panel.getByRole('button', { name: 'Before' }).click();
    await pg.panel.getByText('The source layer was deleted, so there is no Before to show.').waitFor();
    expect(await pg.panel.getByAltText(/^Before:/).count()).toBe(0);
    await pg.panel.getByRole('button', { name: 'After' }).click();
    await pg.panel.getByAltText(`Preview of ${result.name}`).waitFor();
    expect(await pg.panel.getByText(/The source layer was deleted/).count()).toBe(0);
  });

  it('compares a regional edit with the layer under the shape', { timeout: 120_000 }, async () => {
    const product = (await pg.nodes()).find((n) => n.name === 'Product shot')!;
    const ellipse = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const node = figma.createEllipse();
      node.resize(200, 200);
      node.x = 800;
      node.y = 150;
      return node.id;
    });
    await pg.select([product.id, ellipse]);
    await pg.panel.locator('[data-role=region]').waitFor();
    const before = await pg.nodes();
    await pg.generate('a red armchair');
    const result = await pg.waitForNewTopLayer(before);
    await pg.select([result.id]);
    await pg.panel.getByRole('button', { name: 'Before' }).click();
    const beforeImage = pg.panel.getByAltText('Before: Product shot');
    await beforeImage.waitFor({ timeout: 60_000 });
    expect(await beforeImage.getAttribute('src')).toBe(await thumbnailOfAsync(product));
  });

  it('has no Before for a text-to-image result', { timeout: 120_000 }, async () => {
    await pg.select([]);
    const before = await pg.nodes();
    await pg.generate('a lighthouse at dusk');
    const made = await pg.waitForNewTopLayer(before);
    await pg.select([made.id]);
    await pg.panel.getByText('AI-generated · turn 1.').waitFor({ timeout: 60_000 });
    expect(await pg.panel.getByRole('group', { name: 'Compare with the source' }).count()).toBe(0);
  });
});

describe('A / B between two results', () => {
  it('shows one result, then the other, in the same place', { timeout: 120_000 }, async () => {
    await pg.select([POSTER]);
    await pg.panel.getByLabel('Variants').selectOption('2');
    const before = await pg.nodes();
    await pg.generate('two moods');
    await pg.panel.getByText(/2 results selected/).waitFor({ timeout: 60_000 });
    const made = (await pg.nodes()).filter((n) => !before.some((b) => b.id === n.id) && n.name.includes('two moods'));
    const selected = await page.evaluate(() =>
      (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((n) => n.id),
    );
    const [a, b] = selected.map((id) => made.find((n) => n.id === id)!);
    const group = pg.panel.getByRole('group', { name: 'Compare the two results' });
    // The two are named by what tells them apart, their place in the row.
    const [labelA, labelB] = [a, b].map((n) => `${n === a ? 'A' : 'B'}: ${n!.name.split(' · ').at(-1)}`);
    await group.getByRole('button', { name: labelA }).click();
    const picture = pg.panel.locator('img.pair-picture');
    await expect.poll(() => picture.getAttribute('alt')).toBe(`Preview of ${a!.name}`);
    expect(await picture.getAttribute('src')).toBe(await thumbnailOfAsync(a!));
    await group.getByRole('button', { name: labelB }).click();
    await expect.poll(() => picture.getAttribute('alt')).toBe(`Preview of ${b!.name}`);
    expect(await picture.getAttribute('src')).toBe(await thumbnailOfAsync(b!));
    expect(await group.getByRole('button', { name: labelB }).getAttribute('aria-pressed')).toBe('true');
    expect(await group.getByRole('button', { name: labelA }).getAttribute('aria-pressed')).toBe('false');
    await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}compare-pair.png` });
  });
});
