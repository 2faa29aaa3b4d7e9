/**
 * Posters and references end to end in real Chromium, on the playground against the real proxy in offline mode:
 * - A poster iterated twice with Keep text editable (the second time with a style preset): each result is a copy of
 *   the frame with its text layers live, and the poster is untouched.
 * - References marked by role in the panel, named by order on the wire; the model's image limit said before sending.
 */
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR } from '../support/browser.js';
import {
  answered,
  page,
  pg,
  POSTER,
  productIdAsync,
  recordOf,
  sent,
  usePrecisionPlayground,
} from './precision-fixtures.js';

usePrecisionPlayground();

describe('posters: Keep text editable', () => {
  it(
    'iterates a poster twice; each result is a copy of the frame with its text live, the poster untouched',
    { timeout: 120_000 },
    async () => {
      const before = await pg.nodes();
      const posterPixels = await pg.exportPng(POSTER);
      await pg.select([POSTER]);
      const keep = pg.panel.getByLabel('Keep text editable');
      await keep.waitFor();
      expect(await keep.isChecked()).toBe(true);
      await expect.poll(() => pg.panel.locator('.readout').innerText()).toBe('4:5 · 1K at 2×');
      await pg.generate('warm evening light');
      const first = await pg.waitForNewTopLayer(before);
      expect(sent.at(-1)!.prompt).toMatch(
        /^warm evening light\n\nThis is a layout with live text set on top of the image: the headline "Summer Sale"/,
      );

      // The second turn: a style preset, one click away.
      await pg.panel.getByRole('button', { name: 'Watercolour' }).click();
      await expect
        .poll(() => pg.panel.getByRole('textbox', { name: 'Prompt' }).inputValue())
        .toMatch(/^Watercolour style: transform the provided image into a watercolour painting/);
      const middle = await pg.nodes();
      await pg.panel.getByRole('button', { name: 'Generate' }).click();
      const second = await pg.waitForNewTopLayer(middle);
      expect((await recordOf(second.id)).parentId).toBe((await recordOf(first.id)).id);
      // Both answers were Gemini 3's JPEG, placed under the live text.
      await expect.poll(() => answered.length).toBe(2);
      expect(answered.map((image) => image.mimeType)).toEqual(['image/jpeg', 'image/jpeg']);

      const after = await pg.nodes();
      for (const result of [first, second]) {
        expect(result.type).toBe('FRAME');
        expect([result.width, result.height]).toEqual([540, 675]);
        expect(after.filter((n) => n.parentId === result.id).map((n) => [n.type, n.name])).toEqual([
          ['TEXT', 'Headline'],
          ['TEXT', 'Body'],
          ['TEXT', 'CTA'],
        ]);
      }
      // The poster: same properties, same children, same pixels.
      for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
      expect(await pg.exportPng(POSTER)).toBe(posterPixels);

      // For the screenshot: the poster and both turns in view (the canvas redraws when the selection is set again).
      await page.evaluate(() => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        figma.viewport.center = { x: 1200, y: 338 };
        figma.viewport.zoom = 0.42;
      });
      await pg.select([second.id]);
      await pg.panel.getByText('AI-generated · turn 2.').waitFor();
      await pg.panel.locator('body').evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTIFACTS_DIR}poster-iteration.png` });
    },
  );
});

describe('references with roles', () => {
  it('sends the product shot as a product reference, named by its place', { timeout: 90_000 }, async () => {
    const product = await productIdAsync();
    const before = await pg.nodes();
    await pg.select([product, POSTER]);
    await pg.panel.getByText('the largest frame selected').waitFor();
    await pg.panel.getByLabel('Role of Product shot').selectOption('product');
    await pg.generate('put the bottle in her hand');
    const result = await pg.waitForNewTopLayer(before);
    const request = sent.at(-1)!;
    expect(request.images!.map((i) => i.role)).toEqual(['product', 'base']);
    expect(request.prompt).toMatch(/^The first image shows the product: reproduce it faithfully/);
    expect((await recordOf(result.id)).inputs.map((i) => [i.nodeId, i.role])).toEqual([
      [product, 'product'],
      [POSTER, 'base'],
    ]);
    // The History says what went with the turn, read from its record.
    await pg.panel.getByRole('banner').getByRole('button', { name: 'History' }).click();
    await expect.poll(() => pg.panel.locator('li.turn.current .turn-inputs').innerText()).toBe('with product');
  });

  it('says the model’s image limit before sending anything', { timeout: 60_000 }, async () => {
    const product = await productIdAsync();
    const extra = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      return [0, 1].map((i) => {
        const frame = figma.createFrame();
        frame.name = `Mood ${i + 1}`;
        frame.x = 1400 + i * 150;
        return frame.id;
      });
    });
    await pg.select([POSTER, product, ...extra]);
    await pg.panel.getByLabel('Model').selectOption('gemini-2.5-flash-image');
    const count = sent.length;
    await pg.generate('warmer light');
    await expect
      .poll(() => pg.panel.locator('[role=alert]').innerText())
      .toMatch(/takes at most 3 images; this edit has 4 \(the frame and 3 references\)/);
    expect(sent.length).toBe(count);
  });
});
