/**
 * ⌘Z and Apply in place for Erase, Remove background and Isolate object, in real Chromium through the panel (the
 * playground: the real sandbox bundle on the Figma double, the real panel, the real proxy in offline mode with its
 * Gemini double). Each tool's result is a new layer beside the source with a record naming the tool, and one undo
 * gives back the document as it was; with the Image tools' Apply in place the source's image changes, its record keeps
 * the replaced fill, and one undo gives the document back byte for byte (test/e2e/tool-undo-fixtures.ts). A safety
 * block is said in the tool's words (core/tool-error.ts).
 */
import { describe, expect, it } from 'vitest';
import { page, pg, productIdAsync, usePrecisionPlayground } from './precision-fixtures.js';
import {
  commitDrawingAsync,
  inPlaceThenUndoAsync,
  newLayerThenUndoAsync,
  savedAsync,
  tickApplyInPlaceAsync,
} from './tool-undo-fixtures.js';

usePrecisionPlayground();

/** An ellipse over the bottle, drawn as its own undo step; selected alone. */
async function selectEllipseAsync(): Promise<string> {
  const id = await page.evaluate(() => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const node = figma.createEllipse();
    node.resize(240, 160);
    node.x = 820;
    node.y = 200;
    return node.id;
  });
  await commitDrawingAsync();
  await pg.select([id]);
  await pg.panel.locator('[data-role=region]').waitFor();
  return id;
}

/** Clicks a tool's button once it is enabled. */
async function pressAsync(name: string): Promise<void> {
  const button = pg.panel.getByRole('region', { name: 'Image tools' }).getByRole('button', { name, exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}

describe('Erase, Remove background and Isolate object: one ⌘Z', () => {
  it('Erase: a new layer beside, then in place; each undone by one undo', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const ellipse = await selectEllipseAsync();
    await newLayerThenUndoAsync(product, 'erase', () => pressAsync('Erase'));
    // Undo took the result, which was selected, so the selection is empty: select the shape again.
    await pg.select([ellipse]);
    await tickApplyInPlaceAsync();
    await inPlaceThenUndoAsync(product, 'erase', () => pressAsync('Erase'));
  });

  it('Remove background: a new layer beside, then in place', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    await pg.select([product]);
    await newLayerThenUndoAsync(product, 'remove-background', () => pressAsync('Remove background'));
    await pg.select([product]);
    await tickApplyInPlaceAsync();
    await inPlaceThenUndoAsync(product, 'remove-background', () => pressAsync('Remove background'));
  });

  it('Isolate object, by name and by shape: a new layer beside, then in place', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    await pg.select([product]);
    await pg.panel.getByLabel('Object to isolate').fill('the bottle');
    await newLayerThenUndoAsync(product, 'isolate', () => pressAsync('Isolate object'));
    await selectEllipseAsync();
    // The shape's line fits every tool it serves: for Isolate object it marks the object kept, not a region changed.
    const shape = await pg.panel.locator('[data-role=region]').textContent();
    expect(shape).toMatch(/^Shape.*marks the region an edit or Erase changes, or the object Isolate object keeps$/);
    expect(shape).not.toMatch(/only inside this shape changes/);
    await pg.panel.getByLabel('Object to isolate').fill('');
    await tickApplyInPlaceAsync();
    await inPlaceThenUndoAsync(product, 'isolate', () => pressAsync('Isolate object'));
  });

  it('a safety block on Remove background is said in its words and leaves the canvas as it was', async () => {
    const product = await productIdAsync();
    await pg.select([product]);
    await page.route('**/v1/segment', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ error: { code: 'safety_blocked', message: 'Rephrase the prompt and try again.' } }),
      }),
    );
    const saved = await savedAsync();
    await pressAsync('Remove background');
    const banner = pg.panel.locator('.banner[data-code="safety_blocked"]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/refused to remove this image’s background, so nothing was added/);
    expect(await banner.textContent()).not.toMatch(/prompt/i);
    expect(await savedAsync()).toEqual(saved);
  });
});
