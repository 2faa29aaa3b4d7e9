/**
 * A batch over a selection of 40 frames, end to end in Chromium (docs/batch.md#figures): the playground (the real
 * sandbox bundle on the Figma double, the real panel) against the real proxy in offline mode, whose Gemini double
 * answers at once, so the time is the panel's, the sandbox's and the proxy's own: exporting each frame, the pool of
 * calls, fitting and placing each result. Three frames carry a trigger that refuses their first call
 * (test/support/product-frames.ts); Retry runs only those. Prints the frames, the cost estimated at the standard
 * and the batch rate, what the run cost, and the time. With `BANANA_BENCH_SHOTS=<dir>` it also saves the confirm
 * card (before), the partial success with its Retry, and the canvas with the results and the tally (after) there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy } from '../proxy/server.js';
import { launchBrowserAsync } from '../test/support/browser.js';
import { openPlaygroundAsync } from '../test/support/playground.js';
import { addProductFramesToAsync, zoomToAsync } from '../test/support/product-frames.js';

const FRAMES = 40;
const FAILING = [4, 17, 33];

export async function benchPanelBatch(): Promise<string[]> {
  const shots = process.env.BANANA_BENCH_SHOTS;
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-bench-batch-'));
  const proxy = await startProxy({ PORT: '0', BANANA_DATA_DIR: dataDir }, { writeLog: () => {} });
  const browser = await launchBrowserAsync();
  try {
    const page = await browser.newPage();
    const pg = await openPlaygroundAsync(page, proxy.url);
    const ids = await addProductFramesToAsync(page, FRAMES, FAILING, 'Tag');
    await zoomToAsync(page, ids);
    await pg.select(ids);
    await pg.panel
      .getByRole('textbox', { name: 'Prompt' })
      .fill('put each product on a marble table, soft morning light');
    await pg.panel.getByRole('button', { name: `Review ${FRAMES} edits` }).click();
    const line = await pg.panel.locator('.batch-confirm .batch-line').innerText();
    if (shots) await page.screenshot({ path: join(shots, 'i17-batch-before.png') });

    const note = pg.panel.locator('.batch-note p.note');
    const t0 = performance.now();
    await pg.panel.getByRole('button', { name: `Run ${FRAMES} now` }).click();
    await note.filter({ hasText: /· \d+ failed · / }).waitFor({ timeout: 300_000 });
    const first = await note.innerText();
    const t1 = performance.now();
    if (shots) await page.screenshot({ path: join(shots, 'i17-batch-partial.png') });
    await pg.panel.getByRole('button', { name: /^Retry the \d+ that failed$/ }).click();
    await note.filter({ hasText: /^All 40 done/ }).waitFor({ timeout: 300_000 });
    const t2 = performance.now();
    const tally = await note.innerText();
    if (shots) {
      await zoomToAsync(
        page,
        (await pg.nodes()).filter((n) => n.x >= 1300).map((n) => n.id),
      );
      await page.screenshot({ path: join(shots, 'i17-batch-after.png') });
    }
    const [standard, half] = [...line.matchAll(/\$(\d+\.\d+)/g)].map((m) => m[1]);
    return [
      `- frames: ${FRAMES}, 1 variant each, ${FAILING.length} made to fail once by the double, pool of 4 calls`,
      `- estimated: $${standard} at the standard rate, $${half} at the batch rate (${line})`,
      `- first run: ${((t1 - t0) / 1000).toFixed(1)} s wall (“${first}”)`,
      `- retry of the failed: ${((t2 - t1) / 1000).toFixed(1)} s wall; tally “${tally}”`,
    ];
  } finally {
    await browser.close();
    await proxy.close();
  }
}
