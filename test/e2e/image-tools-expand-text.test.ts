/**
 * Expand on a poster keeps its text live, in real Chromium through the panel (the playground: the real sandbox bundle
 * on the Figma double, the real panel, the real proxy in offline mode with its Gemini double). As an edit with Keep
 * text editable does (plugin/place-live-text-result.ts), the picture is exported with the text hidden and expanded,
 * and the result is a copy of the poster at the canvas's size whose text layers stay TEXT nodes on top, each moved
 * with the original's place in the canvas; the poster itself is untouched, and one ⌘Z takes the result away.
 */
import { describe, expect, it } from 'vitest';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { page, pg, POSTER, recordOf, usePrecisionPlayground } from './precision-fixtures.js';
import { savedAsync } from './tool-undo-fixtures.js';

usePrecisionPlayground();

const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

/** The poster at 2× with its text layers hidden, as the sandbox exports it for Keep text editable; shown again after. */
async function posterWithoutTextAsync(): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    async ([id, settings]) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const poster = (await figma.getNodeByIdAsync(id)) as FrameNode;
      const texts = poster.findAll((n) => n.type === 'TEXT');
      for (const t of texts) t.visible = false;
      const bytes = await poster.exportAsync(settings as ExportSettingsImage);
      for (const t of texts) t.visible = true;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [POSTER, GRID] as const,
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

describe('Expand on a poster with text', () => {
  it('keeps the text layers live on top, moved with the original', { timeout: 120_000 }, async () => {
    const nodes = await pg.nodes();
    const texts = nodes.filter((n) => n.parentId === POSTER && n.type === 'TEXT');
    expect(texts.map((t) => t.name)).toEqual(['Headline', 'Body', 'CTA']);
    await pg.select([POSTER]);
    const tools = pg.panel.getByRole('region', { name: 'Image tools' });
    await expect.poll(() => tools.textContent()).toMatch(/1200×675 pt, one call/);
    expect(await pg.panel.getByRole('checkbox', { name: /Keep text editable/ }).isChecked()).toBe(true);
    // Exported before the press: showing the text again after the press would be an edit of its own, which ⌘Z undoes.
    const withoutText = await posterWithoutTextAsync();
    const saved = await savedAsync();
    await tools.getByRole('button', { name: 'Expand' }).click();
    const result = await pg.waitForNewTopLayer(nodes);
    expect([result.width, result.height]).toEqual([1200, 675]);
    const original = (await recordOf(result.id)).tool?.original;
    expect(original).toEqual({ x: 330, y: 0, width: 540, height: 675 });

    // The text is live: TEXT nodes in the result, each where it was on the original content.
    const kept = (await pg.nodes()).filter((n) => n.parentId === result.id);
    expect(kept.map((n) => [n.name, n.type])).toEqual(texts.map((t) => [t.name, 'TEXT']));
    for (const text of texts) {
      const copy = kept.find((n) => n.name === text.name)!;
      expect([copy.x, copy.y, copy.width, copy.height]).toEqual([text.x + 330, text.y, text.width, text.height]);
    }
    // The rest is in the pixels: the image's original place is the poster exported with its text hidden.
    const fill = decodePng(Buffer.from((await pg.imageFillBytes(result.id))!, 'base64'));
    expect([fill.width, fill.height]).toEqual([2400, 1350]);
    expect(sameBlock(fill, withoutText, 660, 0)).toBe(true);

    await page.evaluate(() => window.bananaPlayground.undo());
    expect(await savedAsync()).toEqual(saved);
  });
});
