/**
 * A batch over a selection in real Chromium (docs/batch.md): 40 frames selected, one instruction, each frame edited
 * on its own. The playground runs the real sandbox bundle on the Figma double and the real panel in its iframe,
 * against the real proxy in offline mode; three of the frames carry a text layer with the Gemini double's
 * `[double:nth-image-safety:1]`, so their first call is refused and a retry answered, and `[double:slow:N]` in the
 * instruction keeps each call running long enough to see progress and press Cancel, and `[double:flaky-429:3]`
 * rate-limits one frame past the proxy's own retries (docs/gemini-double.md).
 */
import { describe, expect, it } from 'vitest';
import { batchNoteKey, type BatchNote } from '../../core/batch-note.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import {
  addedSince,
  addProductFramesAsync,
  batchNoteText,
  FRAMES,
  listJobsAsync,
  page,
  pg,
  recordOrNull,
  sent,
  submits,
  useBatchPlayground,
} from './batch-fixtures.js';

useBatchPlayground();

const FAILING = [4, 17, 33];

/** Adds the 40 frames, selects them, types `prompt` and opens the confirm card; nothing is sent yet. */
async function confirmAsync(prompt: string, tag: string): Promise<string[]> {
  const ids = await addProductFramesAsync(FRAMES, FAILING, tag);
  await pg.select(ids);
  await expect
    .poll(() =>
      pg.panel.getByRole('button', { name: `Edit each of the ${FRAMES} separately` }).getAttribute('aria-pressed'),
    )
    .toBe('true');
  await pg.panel.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await pg.panel.getByRole('button', { name: `Review ${FRAMES} edits` }).click();
  await pg.panel.getByRole('region', { name: 'Confirm the batch' }).waitFor();
  return ids;
}

/** The ids selected on the canvas. */
function selectedIdsAsync(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((n) => n.id));
}

/** Waits until the batch note reads `pattern`. */
async function noteSaysAsync(pattern: RegExp, timeout = 90_000): Promise<string> {
  await expect.poll(batchNoteText, { timeout }).toMatch(pattern);
  return batchNoteText();
}

describe('Batch over a selection', () => {
  it(
    'shows the cost first, runs with progress, places each result beside its frame, and retries only the failed',
    { timeout: 240_000 },
    async () => {
      const before = await pg.nodes();
      const ids = await confirmAsync('on a marble table, soft morning light [double:slow:200]', 'Tag A');
      const line = await pg.panel.locator('.batch-confirm .batch-line').innerText();
      expect(line).toMatch(
        /^Edit 40 frames · 1 variant each · ≈ \$(\d+\.\d\d) now \(standard\) · or ≈ \$(\d+\.\d\d) at half price, done within hours$/,
      );
      const [, standard, half] = /\$(\d+\.\d\d).*\$(\d+\.\d\d)/.exec(line)!;
      expect(Number(half)).toBeCloseTo(Number(standard) / 2, 1);
      // Nothing has been sent before the confirm.
      expect(sent).toHaveLength(0);
      expect(submits).toHaveLength(0);
      await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}batch-confirm.png` });

      await pg.panel.getByRole('button', { name: 'Run 40 now' }).click();
      await noteSaysAsync(/^\d+ of 40 done/);
      const tally = await noteSaysAsync(/^37 of 40 done · 3 failed · \d+ (s|min)/);
      expect(tally).toMatch(/\$\d+\.\d\d \(standard rate\)/);
      expect(sent).toHaveLength(40);
      // Each frame's own text is its context: the 37 without text share the instruction, each tagged one has its own.
      expect(new Set(sent.map((r) => r.prompt)).size).toBe(4);
      const failedNames = await pg.panel.locator('.batch-failed li button').allInnerTexts();
      expect(failedNames.sort()).toEqual(FAILING.map((i) => `Product ${i + 1}`).sort());

      // Each result beside its own frame, with its own turn record naming that frame.
      const results = (await addedSince(before)).filter((n) => !ids.includes(n.id));
      const records = await Promise.all(results.map((n) => recordOrNull(n.id)));
      expect(records.filter((r) => r !== null)).toHaveLength(37);
      const nodes = await pg.nodes();
      for (const [i, node] of results.entries()) {
        const record = records[i];
        if (!record) continue;
        const source = nodes.find((n) => n.id === record.sourceNodeId)!;
        expect(ids).toContain(source.id);
        expect(node.x).toBeGreaterThanOrEqual(source.x + source.width);
        expect(node.y).toBe(source.y);
      }

      // A failed frame's name selects it; the note stays with the single edit's view.
      await pg.panel.locator('.batch-failed li button').first().click();
      await expect.poll(selectedIdsAsync).toHaveLength(1);
      expect(FAILING.map((i) => ids[i])).toContain((await selectedIdsAsync())[0]);
      await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
      // Retry runs only the three, with the requests already built.
      await pg.panel.getByRole('button', { name: 'Retry the 3 that failed' }).click();
      await noteSaysAsync(/^All 40 done · /);
      expect(sent).toHaveLength(43);
      for (const retried of sent.slice(40)) expect(sent.slice(0, 40)).toContainEqual(retried);
      await page.screenshot({ path: `${ARTIFACTS_DIR}batch-after.png` });
    },
  );

  it('Cancel mid-batch keeps what was placed and adds nothing half-made', { timeout: 240_000 }, async () => {
    const before = await pg.nodes();
    const ids = await confirmAsync('on a slate shelf [double:slow:1500]', 'Tag B');
    await pg.panel.getByRole('button', { name: 'Run 40 now' }).click();
    await noteSaysAsync(/^([4-9]|1\d) of 40 done/);
    await pg.panel.locator('.batch-note').getByRole('button', { name: 'Cancel' }).click();
    const note = await noteSaysAsync(/^\d+ of 40 done.* · cancelled\./);
    await pg.panel.getByText(/^Cancelled\. \d+ of 40 results had already been placed and stay on the canvas/).waitFor();
    const made = Number(/^(\d+) of 40/.exec(note)![1]);
    expect(made).toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Only results, each whole with its record: no temporary export copies, no layer without a record.
    const added = (await addedSince(before)).filter((n) => !ids.includes(n.id));
    const records = await Promise.all(added.map((n) => recordOrNull(n.id)));
    expect(records.every((r) => r !== null)).toBe(true);
    expect(added).toHaveLength(made);
    expect(sent.length).toBeLessThan(40);
  });

  it('Run at half price submits one Batch API job of 40 requests', { timeout: 120_000 }, async () => {
    const before = await pg.nodes();
    const ids = await confirmAsync('on a linen cloth', 'Tag C');
    expect(await listJobsAsync()).toHaveLength(0);
    await pg.panel.getByRole('button', { name: 'Run at half price' }).click();
    await pg.panel
      .getByText(
        /^Submitted: 40 frames at half price \(≈ \$\d+\.\d\d\)\. Results arrive within hours; open this file again to place them\.$/,
      )
      .waitFor({ timeout: 60_000 });
    expect(sent).toHaveLength(0);
    expect(submits).toHaveLength(1);
    const jobs = await listJobsAsync();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.counts.requests).toBe(40);
    const body = submits[0] as { requests: { layerId: string; prompt: string }[] };
    expect(body.requests.map((r) => r.layerId)).toEqual(ids);
    // A frame's own text goes with its request, as a single edit would send it.
    expect(body.requests[FAILING[0]!]!.prompt).toContain(`Tag C ${FAILING[0]! + 1}`);
    // Nothing placed now.
    expect((await addedSince(before)).filter((n) => !ids.includes(n.id))).toHaveLength(0);
    // The job's note is kept in the file for whoever opens it again (docs/batch-jobs.md#the-files-note), and the
    // Half-price jobs card shows the job at once.
    const note = await page.evaluate(
      (key) => (window as unknown as { figma: PluginAPI }).figma.root.getPluginData(key),
      batchNoteKey(jobs[0]!.id),
    );
    const kept = JSON.parse(note) as BatchNote;
    expect(kept.prompt).toBe('on a linen cloth');
    expect(Object.keys(kept.layers).sort()).toEqual([...ids].sort());
    await expect
      .poll(() => pg.panel.getByRole('region', { name: 'Half-price jobs' }).textContent(), { timeout: 20_000 })
      .toMatch(/40 frames/);
  });

  it(
    'waits out the proxy’s Retry-After and sends the call again, so a rate-limited frame is not counted failed',
    { timeout: 120_000 },
    async () => {
      // Gemini answers 429 to the tagged frame's first three calls: the proxy's own three attempts, then its 429 with
      // Retry-After reaches the panel, which waits and sends the call again (core/batch-pool.ts).
      const ids = await addProductFramesAsync(6, [2], 'Tag D', '[double:flaky-429:3]');
      await pg.select(ids);
      await pg.panel.getByRole('button', { name: 'Edit each of the 6 separately' }).click();
      await pg.panel.getByRole('textbox', { name: 'Prompt' }).fill('on a walnut desk');
      await pg.panel.getByRole('button', { name: 'Review 6 edits' }).click();
      await pg.panel.getByRole('button', { name: 'Run 6 now' }).click();
      await noteSaysAsync(/1 waiting for the proxy/, 60_000);
      await noteSaysAsync(/^All 6 done · /);
      const tagged = sent.filter((r) => r.prompt.includes('Tag D 3'));
      expect(tagged).toHaveLength(2);
      expect(tagged[1]).toEqual(tagged[0]);
      expect(sent).toHaveLength(7);
    },
  );

  it(
    'makes N variants per frame: N times the cost, each frame’s variants a row of their own',
    { timeout: 120_000 },
    async () => {
      const before = await pg.nodes();
      const ids = await addProductFramesAsync(3, [], 'Tag E');
      await pg.select(ids);
      await pg.panel.getByRole('button', { name: 'Edit each of the 3 separately' }).click();
      await pg.panel.getByRole('textbox', { name: 'Prompt' }).fill('on a terrazzo floor [double:vary]');
      await pg.panel.getByRole('button', { name: 'Review 3 edits' }).click();
      const one = /≈ \$(\d+\.\d+) now/.exec(await pg.panel.locator('.batch-confirm .batch-line').innerText())![1]!;
      await pg.panel.getByRole('button', { name: 'Back' }).click();
      await pg.panel.getByLabel('Variants').selectOption('2');
      await pg.panel.getByRole('button', { name: 'Review 3 edits' }).click();
      const line = await pg.panel.locator('.batch-confirm .batch-line').innerText();
      expect(line).toMatch(/^Edit 3 frames · 2 variants each · ≈ \$(\d+\.\d+) now/);
      expect(Number(/≈ \$(\d+\.\d+) now/.exec(line)![1])).toBeCloseTo(Number(one) * 2, 1);
      await pg.panel.getByRole('button', { name: 'Run 6 now' }).click();
      await noteSaysAsync(/^All 6 done · /);
      expect(sent.map((r) => r.variant).sort()).toEqual([0, 0, 0, 1, 1, 1]);
      const results = (await addedSince(before)).filter((n) => !ids.includes(n.id));
      const records = (await Promise.all(results.map((n) => recordOrNull(n.id)))).filter((r) => r !== null);
      expect(records).toHaveLength(6);
      for (const id of ids) {
        const own = records.filter((r) => r.sourceNodeId === id);
        expect(own.map((r) => r.variant?.index).sort()).toEqual([0, 1]);
        expect(new Set(own.map((r) => r.variant?.batch)).size).toBe(1);
        expect(own[0]!.variant?.count).toBe(2);
      }
      expect(new Set(records.map((r) => r.variant?.batch)).size).toBe(3);
    },
  );
});
