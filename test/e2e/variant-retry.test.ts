/**
 * Retry a failed variant and regenerate a made one, in real Chromium: the playground runs the real sandbox bundle on
 * the Figma double and the real panel in its sandboxed iframe, against the real proxy in offline mode. The Gemini
 * double's `[double:nth-image-safety:2]` refuses the second call with that prompt (whichever variant it carries),
 * `[double:vary]` draws a new picture per call, and `[double:slow:N]` keeps each call running long enough to see
 * its progress and press Cancel (docs/gemini-double.md). The proxy's traffic is read as it went over the wire.
 */
import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { answered, page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

/** The note's tally line, once it reads `summary`. */
async function noteSaysAsync(summary: RegExp): Promise<void> {
  await expect
    .poll(
      () =>
        pg.panel
          .locator('p.note.batch')
          .innerText({ timeout: 1000 })
          .catch(() => ''),
      { timeout: 60_000 },
    )
    .toMatch(summary);
}

/** Asks for `count` variants of `prompt` on the product shot; returns the layers on the page before. */
async function batchAsync(prompt: string, count: number, summary: RegExp): Promise<NodeDescription[]> {
  await pg.select([await productIdAsync()]);
  await pg.panel.getByLabel('Variants').selectOption(String(count));
  const before = await pg.nodes();
  await pg.generate(prompt);
  await noteSaysAsync(summary);
  return before;
}

/** The batch's results on the page (top-level layers added since `before`), left to right. */
async function rowAsync(before: readonly NodeDescription[]): Promise<NodeDescription[]> {
  const added = (await pg.nodes()).filter((n) => n.parentId === '0:1' && !before.some((b) => b.id === n.id));
  return added.sort((a, b) => a.x - b.x);
}

describe('Retry a failed variant', () => {
  it('runs only the one that failed, with the batch’s own request, into the row', { timeout: 120_000 }, async () => {
    const before = await batchAsync(
      'on warm sand [double:nth-image-safety:2] [double:vary] [double:slow:600]',
      3,
      /^2 of 3 done; 1 was blocked by safety filters\./,
    );
    expect(sent).toHaveLength(3);
    const first = await rowAsync(before);
    const records = await Promise.all(first.map((n) => recordOf(n.id)));
    const failedIndex = [0, 1, 2].find((i) => !records.some((r) => r.variant?.index === i))!;
    await pg.panel.getByText(`Variant request ${failedIndex + 1}: blocked by safety filters`).waitFor();
    await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}variant-retry-note.png` });

    await pg.panel.getByRole('button', { name: 'Retry the 1 that failed' }).click();
    // Progress as for a batch: one call running, and its Cancel.
    await pg.panel.getByText(/0 of 1 done…/).waitFor();
    await pg.panel.getByRole('button', { name: 'Cancel' }).waitFor();
    await noteSaysAsync(/^All 3 done\./);

    // Exactly one more call, the failed variant's: the very request the batch sent for it, images included.
    expect(sent).toHaveLength(4);
    const retried = sent[3]!;
    expect(retried.variant).toBe(failedIndex);
    expect(retried.cache).toBeUndefined();
    expect(retried).toEqual(sent.slice(0, 3).find((request) => request.variant === failedIndex));
    const row = await rowAsync(before);
    expect(row).toHaveLength(3);
    expect(row.map((n) => n.name.split(' · ').at(-1))).toEqual(['variant 1', 'variant 2', 'variant 3']);
    for (const node of first) expect(row.find((n) => n.id === node.id)).toEqual(node);
    const made = row.find((n) => !first.some((f) => f.id === n.id))!;
    expect(made.y).toBe(first[0]!.y);
    expect(made.x).toBeGreaterThan(Math.max(...first.map((n) => n.x)));
    const record = await recordOf(made.id);
    expect(record.variant).toEqual({ index: failedIndex, count: 3, batch: records[0]!.variant!.batch });
    expect(await pg.panel.getByRole('button', { name: /^Retry/ }).count()).toBe(0);

    // One undo step: ⌘Z takes the retried result away and leaves the other two.
    await page.locator('button[data-action=undo]').click();
    await expect.poll(async () => (await rowAsync(before)).map((n) => n.id)).toEqual(first.map((n) => n.id));
  });
});

describe('Regenerate one variant', () => {
  it(
    'adds a new picture beside the others, past the proxy’s cache, and can be cancelled',
    { timeout: 120_000 },
    async () => {
      const before = await batchAsync('in fresh snow [double:vary] [double:slow:1200]', 2, /^All 2 done\./);
      const first = await rowAsync(before);
      const firstFills = await Promise.all(first.map((n) => pg.imageFillBytes(n.id)));
      const target = first[0]!;
      const targetIndex = (await recordOf(target.id)).variant!.index;

      await pg.panel.getByRole('button', { name: `Remake ${target.name}` }).click();
      await noteSaysAsync(/^All 2 done; 1 remade\./);
      expect(sent).toHaveLength(3);
      expect(sent[2]).toEqual({ ...sent.find((request) => request.variant === targetIndex)!, cache: false });
      // Not the cached picture: a new answer from Gemini, and a new image on the canvas.
      await expect.poll(() => answered.length).toBe(3);
      const row = await rowAsync(before);
      expect(row).toHaveLength(3);
      for (const node of first) expect(row.find((n) => n.id === node.id)).toEqual(node);
      const made = row.at(-1)!;
      expect(made.name.split(' · ').at(-1)).toBe('variant 3');
      expect(firstFills).not.toContain(await pg.imageFillBytes(made.id));
      expect(await pg.imageFillBytes(made.id)).toBe(answered[2]!.data);
      expect((await recordOf(made.id)).variant?.index).toBe(targetIndex);

      // Cancel while a regenerate runs: the canvas stays as it was, and the note still lists the three.
      const canvas = await pg.nodes();
      await pg.panel.getByRole('button', { name: `Remake ${made.name}` }).click();
      await pg.panel.getByRole('button', { name: 'Cancel' }).click();
      await pg.panel.getByText(/The request was cancelled\. Nothing was added to the canvas\./).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await pg.nodes()).toEqual(canvas);
      expect(await pg.panel.locator('.variant-list li').count()).toBe(3);
    },
  );
});
