/**
 * Variants and a component set end to end in real Chromium: the playground runs the real sandbox bundle
 * on the Figma double and the real panel in its sandboxed iframe, against the real proxy in offline mode.
 *
 * How one of four fails: the proxy sends the four calls of a batch to Gemini as identical requests (the variant
 * index only keys the proxy's cache), so the Gemini double cannot tell variant 2 from variant 3. Its
 * `[double:nth-image-safety:2]` trigger refuses the second call that arrives with that prompt, whichever variant it
 * carries; exactly one of the four is blocked. `[double:vary]` makes each call draw a different picture, as real
 * Gemini does, so the four look like four variants (docs/gemini-double.md).
 */
import { describe, expect, it } from 'vitest';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import { ARTIFACTS_DIR, screenshotAsync } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-variants-');

const POSTER = '1:2';

/**
 * Asks for `count` variants of `prompt` on the selected layer and waits for the batch to end with the note
 * `summary`; returns the top-level layers it added, left to right.
 */
async function variantsAsync(
  pg: Playground,
  prompt: string,
  count: number,
  summary: RegExp,
): Promise<NodeDescription[]> {
  const before = await pg.nodes();
  await pg.panel.getByLabel('Variants').selectOption(String(count));
  await pg.generate(prompt);
  await expect
    .poll(
      () =>
        pg.panel
          .locator('p.note.batch')
          .innerText({ timeout: 1000 })
          .catch(() => ''),
      { timeout: 30_000 },
    )
    .toMatch(summary);
  const added = (await pg.nodes()).filter((n) => n.parentId === '0:1' && !before.some((b) => b.id === n.id));
  return added.sort((a, b) => a.x - b.x);
}

async function recordOf(pg: Playground, id: string): Promise<TurnRecord> {
  return JSON.parse((await pg.pluginData(id))[TURN_RECORD_KEY]!) as TurnRecord;
}

function overlaps(a: NodeDescription, b: NodeDescription): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlaps(nodes: NodeDescription[]): void {
  const top = nodes.filter((n) => n.parentId === '0:1');
  for (const [i, a] of top.entries()) {
    for (const b of top.slice(i + 1)) expect(overlaps(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
  }
}

describe('variants side by side, then a component set', () => {
  it('four variants with one blocked: three placed and a clear message; then a set from two', async () => {
    const { page, pg, errors, answered } = await servers.openPageAsync();
    const original = await pg.nodes();
    const productShot = original.find((n) => n.name === 'Product shot')!;

    // Four variants of the Product shot: a row of four beside it.
    await pg.select([productShot.id]);
    await pg.panel.getByText('Product shot').first().waitFor();
    const row = await variantsAsync(pg, 'golden hour light [double:vary]', 4, /^All 4 done\./);
    expect(row.map((n) => n.y)).toEqual([0, 0, 0, 0]);
    expect(row.map((n) => n.x)).toEqual([0, 1, 2, 3].map((i) => productShot.x + (i + 1) * (600 + 40)));
    const rowRecords = await Promise.all(row.map((n) => recordOf(pg, n.id)));
    expect(rowRecords.map((r) => r.variant?.index).sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(rowRecords.map((r) => r.variant?.batch)).size).toBe(1);
    expect(new Set(await Promise.all(row.map((n) => pg.exportPng(n.id)))).size).toBe(4);
    // Gemini 3 answered four JPEGs of 1024 × 1024, which the 600-point frame at 2× takes as they are: each variant's
    // fill is the bytes of one answer.
    await expect.poll(() => answered.length).toBe(4);
    expect(answered.map((image) => image.mimeType)).toEqual(Array(4).fill('image/jpeg'));
    const rowFills = await Promise.all(row.map((n) => pg.imageFillBytes(n.id)));
    expect(new Set(rowFills)).toEqual(new Set(answered.map((image) => image.data)));

    // Four variants of the Poster, one blocked by the double: three placed below it, and the panel says so.
    await pg.select([POSTER]);
    await pg.panel.getByText('Poster', { exact: true }).first().waitFor();
    // With "Keep text editable" on (the default for a frame with text), each is a copy of the Poster with live text.
    const posterRow = await variantsAsync(
      pg,
      'warmer light [double:nth-image-safety:2] [double:vary]',
      4,
      /^3 of 4 done; 1 was blocked by safety filters\./,
    );
    expect(posterRow).toHaveLength(3);
    // Named by their place in the row, left to right, whichever call was blocked and whatever order the rest came in.
    expect(posterRow.map((n) => n.name.split(' · ').at(-1))).toEqual(['variant 1', 'variant 2', 'variant 3']);
    expect(posterRow.map((n) => [n.x, n.y])).toEqual([0, 1, 2].map((i) => [i * 580, 675 + 40]));
    const after = await pg.nodes();
    for (const node of original) expect(after.find((n) => n.id === node.id)).toEqual(node);
    expectNoOverlaps(after);
    // The panel after the batch: the tally, and (the three being selected) "Make component set".
    await pg.panel.getByRole('button', { name: 'Make component set' }).waitFor();
    await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}variants-panel.png` });

    // The three are selected: make a component set from the first two.
    await pg.select([posterRow[0]!.id, posterRow[1]!.id]);
    await pg.panel.getByRole('button', { name: 'Make component set' }).click();
    await pg.panel.getByText('Made component set').waitFor();
    const withSet = await pg.nodes();
    const set = withSet.find((n) => n.type === 'COMPONENT_SET')!;
    expect(set.name).toBe('Poster — warmer light [double:nth-image-safety:2…');
    const components = withSet.filter((n) => n.parentId === set.id).sort((a, b) => a.x - b.x);
    expect(components.map((c) => [c.type, c.name])).toEqual([
      ['COMPONENT', 'Variant=1'],
      ['COMPONENT', 'Variant=2'],
    ]);
    // Where the two variants were; the third stays where it was.
    expect([set.x, set.y]).toEqual([-20, 675 + 20]);
    expect(withSet.find((n) => n.id === posterRow[2]!.id)).toEqual(posterRow[2]);
    for (const [i, component] of components.entries()) {
      const record = await recordOf(pg, component.id);
      expect(record).toMatchObject({ originNodeId: component.id, convertedFromNodeId: posterRow[i]!.id });
    }
    const panelText = await pg.panel.locator('section.component-set').innerText();
    expect(panelText).toMatch(/2 variants · Variant: 1, 2/);
    expect(panelText).toMatch(/Not published yet\. Plugins cannot publish: .* Assets panel/);
    expectNoOverlaps(withSet);

    // The whole page in view for a person to look at: four variants in a row, and the component set.
    await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      figma.viewport.scrollAndZoomIntoView(figma.currentPage.children);
    });
    await pg.select([set.id]);
    await page.waitForTimeout(300);
    await screenshotAsync(page, 'variants');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
