/**
 * Instant adjustments end to end in real Chromium (docs/adjustments.md): a prompt that is only a tone change offers
 * Figma's own image filters beside Generate; pressing it adds an adjusted copy beside the layer with no call to the
 * proxy, at $0, recorded as a turn, removed by one ⌘Z; Generate still sends the same words to Gemini.
 */
import { describe, expect, it } from 'vitest';
import { page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

function offer() {
  return pg.panel.getByRole('region', { name: 'Instant adjustment' });
}

async function fillFiltersAsync(id: string): Promise<unknown> {
  return page.evaluate((nodeId) => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const node = figma.currentPage.findOne((n) => n.id === nodeId) as RectangleNode | FrameNode;
    return (node.fills as readonly Paint[]).find((paint): paint is ImagePaint => paint.type === 'IMAGE')?.filters;
  }, id);
}

describe('instant adjustments in the playground', () => {
  it('adds an adjusted copy at once, for $0 and without Gemini, as one ⌘Z', async () => {
    const id = await productIdAsync();
    await pg.select([id]);
    const prompt = pg.panel.getByRole('textbox', { name: 'Prompt' });
    await prompt.fill('put it on a marble table');
    await expect.poll(() => offer().count()).toBe(0);
    await prompt.fill('a bit warmer, more contrast');
    await expect.poll(() => offer().textContent()).toMatch(/contrast \+0\.30, temperature \+0\.15.*Product shot/);
    const before = await pg.nodes();
    const sourceBytes = await pg.imageFillBytes(id);

    await offer().getByRole('button', { name: 'Adjust instantly' }).click();
    const copy = await pg.waitForNewTopLayer(before);
    expect(sent).toHaveLength(0);
    expect(copy.name).toBe('Product shot — Adjusted');
    expect(await fillFiltersAsync(copy.id)).toEqual({ contrast: 0.3, temperature: 0.15 });
    // The same image bytes: nothing was re-encoded, and the source is as it was.
    expect(await pg.imageFillBytes(copy.id)).toBe(sourceBytes);
    expect(await fillFiltersAsync(id)).toBeUndefined();
    const record = await recordOf(copy.id);
    expect(record.tool).toEqual({ name: 'adjust', filters: { contrast: 0.3, temperature: 0.15 } });
    expect(record.usage.costUsd).toBe(0);
    expect(record.provenance.aiGenerated).toBe(false);
    await expect
      .poll(() => pg.panel.locator('.note').first().textContent())
      .toMatch(/Added “Product shot — Adjusted”.*\$0/);

    await page.evaluate(() => window.bananaPlayground.undo());
    await expect.poll(async () => (await pg.nodes()).length).toBe(before.length);
  });

  it('still sends the words to Gemini on Generate', async () => {
    const id = await productIdAsync();
    await pg.select([id]);
    const before = await pg.nodes();
    await pg.generate('warmer');
    await pg.waitForNewTopLayer(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.prompt).toMatch(/warmer/);
  });
});
