/**
 * Live previews in real Chromium (docs/proxy-api.md#live-previews): the playground's real panel asks the real proxy
 * (offline, its Gemini double streaming drafts) for the live answer. A draft shows in the progress area before the
 * result is placed, and is never placed itself; Cancel while a draft shows leaves the canvas as it was.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GeneratedImage } from '../../core/proxy-schema.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let page: Page;
let pg: Playground;
let answered: GeneratedImage[];
usePlaygroundServers('banana-e2e-live-').pagePerTest((opened) => ({ page, pg, answered } = opened));

/** Where the brief's screenshot of a draft goes: outside the repository. */
const SHOTS_DIR = '/work/notes/shots';

describe('a live Generate', () => {
  it('shows the stage line and a draft before the result, then places only the final image', async () => {
    const before = await pg.nodes();
    await pg.select([]);
    // Chunks 700 ms apart, so each stage stays on screen long enough to be seen (and checked).
    await pg.generate('a lighthouse at dusk [double:stream-delay:700]');
    // Watch the progress area until the result is placed: every stage line seen, and every draft shown.
    const progress = pg.panel.locator('.progress');
    const lines: string[] = [];
    const drafts: string[] = [];
    let nodesWhileDrafting: unknown = null;
    for (let i = 0; i < 600 && (await pg.nodes()).length === before.length; i++) {
      const line = await progress
        .locator('[data-stage]')
        .innerText({ timeout: 200 })
        .catch(() => null);
      const src = await progress
        .locator('img.draft-preview')
        .getAttribute('src', { timeout: 200 })
        .catch(() => null);
      const label = line?.replace(/\s+\d+ s$/, '') ?? null;
      if (label && lines.at(-1) !== label) lines.push(label);
      if (src && drafts.at(-1) !== src) {
        drafts.push(src);
        if (drafts.length === 1) {
          mkdirSync(SHOTS_DIR, { recursive: true });
          await page.screenshot({ path: `${SHOTS_DIR}/i18-draft.png` });
          nodesWhileDrafting = await pg.nodes();
        }
      }
      await page.waitForTimeout(50);
    }
    expect(lines).toEqual([
      'Thinking…',
      'Draft 1 of ~2 · thinking…',
      'Draft 2 of ~2 · thinking…',
      'Final image arriving…',
    ]);
    expect(drafts).toHaveLength(2);
    expect(drafts.every((src) => src.startsWith('data:image/jpeg;base64,'))).toBe(true);
    // While a draft showed, the canvas was as it was.
    expect(nodesWhileDrafting).toEqual(before);

    await pg.waitForNodeCount(before.length + 1);
    const made = (await pg.nodes()).find((n) => !before.some((b) => b.id === n.id))!;
    await expect.poll(() => answered.length).toBe(1);
    const placed = await pg.imageFillBytes(made.id);
    expect(placed).toBe(answered[0]!.data);
    expect(drafts.some((src) => src.endsWith(placed!))).toBe(false);
    await expect.poll(() => pg.panel.locator('.progress').count()).toBe(0);
  });

  it('Cancel while a draft shows aborts the stream, adds nothing, and says what it may cost', async () => {
    const before = await pg.nodes();
    await pg.generate('a slow live harbour [double:stream-delay:1500]');
    await pg.panel.locator('.progress img.draft-preview').waitFor();
    await pg.panel.getByRole('button', { name: 'Cancel' }).click();
    const banner = pg.panel.locator('.banner[data-code="cancelled"]');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/^The request was cancelled\. Nothing was added to the canvas\./);
    expect(await banner.innerText()).toMatch(/Gemini may bill this call: ≈ \$0\.\d+/);
    expect(await pg.panel.locator('.progress').count()).toBe(0);
    // Past the time the rest of the stream would have taken: still nothing on the canvas.
    await page.waitForTimeout(4000);
    expect(await pg.nodes()).toEqual(before);
    expect(answered).toEqual([]);
  });
});
