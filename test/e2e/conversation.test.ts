/**
 * The conversation end to end in real Chromium: the playground runs the real sandbox bundle on the Figma
 * double and the real panel in its sandboxed iframe, against the real proxy in offline mode. Three turns, a branch
 * from the first with "Continue from here", then the file is saved and opened in a fresh page (the teammate), who
 * sees the whole history and continues the last turn.
 *
 * How we know the teammate's base image was the parent's pixels: Playwright sees every request the panel's iframe
 * makes, so the test reads the real `POST /v1/generate` body off the wire, and compares its base image byte for byte
 * with the parent layer exported by the double with the plugin's own export settings (the double's exports are
 * deterministic). The new record's input hash must also be the SHA-1 of those bytes.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { generateTurnAsync, turnRecordOf, type Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-conversation-');

const POSTER = '1:2';

async function openHistoryAsync(pg: Playground): Promise<void> {
  await pg.panel.getByRole('banner').getByRole('button', { name: 'History' }).click();
  await pg.panel.locator('ol.history-list').waitFor();
}

/** The History rows as `number prompt` (and `↳` for branches), in order. */
async function historyRowsAsync(pg: Playground): Promise<string[]> {
  const rows = pg.panel.locator('ol.history-list li.turn:not(.source)');
  return rows.evaluateAll((items) =>
    items.map((li) => {
      const prompt = li.querySelector('.turn-prompt')?.textContent ?? '';
      return `${li.classList.contains('branch') ? '↳ ' : ''}${prompt}${li.classList.contains('current') ? ' (current)' : ''}`;
    }),
  );
}

function expectNoOverlaps(nodes: NodeDescription[]): void {
  const top = nodes.filter((n) => n.parentId === '0:1');
  for (const a of top) {
    for (const b of top) {
      if (a.id === b.id) continue;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

describe('the conversation', () => {
  it(
    'three turns, a branch from the first, then a teammate opens the file and continues',
    { timeout: 240_000 },
    async () => {
      // ── The first designer ──────────────────────────────────────────────────────────────────────────────────
      const { page, pg, errors, sent } = await servers.openPageAsync();
      await pg.select([POSTER]);
      await pg.panel.getByText('Poster').first().waitFor();
      // This test is about the conversation: each result is one image layer (live text is tested apart).
      await pg.panel.getByLabel('Keep text editable').uncheck();
      const t1 = await generateTurnAsync(pg, 'warmer light', 1);
      const t2 = await generateTurnAsync(pg, 'navy jacket', 2);
      const t3 = await generateTurnAsync(pg, 'remove the logo', 3);
      expect([t1.x < t2.x, t2.x < t3.x, t1.y === t3.y]).toEqual([true, true, true]);
      // Same model, same session, layers unchanged: turns 2 and 3 replay the model's own earlier turns (live replay,
      // docs/live-replay.md), so the third sends just its words after the two earlier exchanges.
      expect(sent.at(-1)!.prompt).toBe('remove the logo');
      expect(sent.at(-1)!.history?.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model']);

      // History of the last turn: the line back to the source.
      await openHistoryAsync(pg);
      expect(await historyRowsAsync(pg)).toEqual(['1warmer light', '2navy jacket', '3remove the logo (current)']);
      await expect.poll(() => pg.panel.locator('li.turn.source').innerText()).toContain('Poster');
      await expect.poll(() => pg.panel.locator('section.provenance').innerText()).toMatch(/SynthID watermark/);

      // Clicking a turn selects its layer on the canvas.
      await pg.panel
        .getByRole('button', { name: /navy jacket/ })
        .first()
        .click();
      await expect.poll(() => selectionOf(page)).toEqual([t2.id]);

      // "Continue from here" on turn 1, then a new prompt: a branch, placed below the first line.
      await pg.panel.getByRole('button', { name: /^Continue from here: turn 1,/ }).click();
      await expect.poll(() => selectionOf(page)).toEqual([t1.id]);
      await expect.poll(() => page.frameLocator('#panel').locator(':focus').getAttribute('id')).toBe('prompt');
      await pg.panel.getByText('Generate adds a new branch from this turn').waitFor();
      const b1 = await generateTurnAsync(pg, 'red jacket', 2);
      expect((await turnRecordOf(pg, b1.id)).parentId).toBe((await turnRecordOf(pg, t1.id)).id);
      expect([b1.x, b1.y]).toEqual([t2.x, t2.y + t2.height + 40]);
      expectNoOverlaps(await pg.nodes());
      // The main view after a turn: what it cost, which turn is selected, what Generate will cost next.
      await expect
        .poll(() => pg.panel.locator('p.note[role=status]').innerText())
        .toMatch(/Added “Poster — red jacket”\. \$0\.\d{3} · [\d,]+ tokens\./);
      await expect.poll(() => pg.panel.locator('.estimate').innerText()).toMatch(/^≈ \$0\.\d+(–0\.\d+)?$/);
      await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}conversation-main.png` });

      await openHistoryAsync(pg);
      expect(await historyRowsAsync(pg)).toEqual([
        '1warmer light',
        '2navy jacket',
        '3remove the logo',
        '↳ 2red jacket (current)',
      ]);
      await waitForThumbnailsAsync(pg, 5);
      await pg.panel.locator('body').evaluate(() => document.fonts.ready);
      await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}history-branch.png` });
      // The same in the dark theme (the playground reloads the panel with Figma's dark colours).
      await page.locator('button[data-action=theme]').click();
      await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
      await openHistoryAsync(pg);
      await waitForThumbnailsAsync(pg, 5);
      await page.locator('#panel').screenshot({ path: `${ARTIFACTS_DIR}history-branch-dark.png` });

      const saved = await page.evaluate(() => window.bananaPlayground.save());
      expect(errors).toEqual([]);
      await page.close();

      // ── The teammate opens the file on another machine ─────────────────────────────────────────────────────
      const { page: other, pg: mate, errors: otherErrors, sent: mateSent } = await servers.openPageAsync();
      await other.evaluate((doc) => window.bananaPlayground.load(doc), saved);
      await mate.select([t3.id]);
      await mate.panel.getByText('AI-generated · turn 3.').waitFor();
      await openHistoryAsync(mate);
      expect(await historyRowsAsync(mate)).toEqual([
        '1warmer light',
        '2navy jacket',
        '3remove the logo (current)',
        '↳ 2red jacket',
      ]);
      await mate.panel.getByRole('banner').getByRole('button', { name: 'History' }).click(); // back to the prompt
      const t4 = await generateTurnAsync(mate, 'add a hat', 4);

      const t3Record = await turnRecordOf(mate, t3.id);
      const t4Record = await turnRecordOf(mate, t4.id);
      expect(t4Record).toMatchObject({ parentId: t3Record.id, rootId: t3Record.rootId, sourceNodeId: t3.id });
      expect([t4.x, t4.y]).toEqual([t3.x + t3.width + 40, t3.y]);

      // The base image on the wire is the parent's pixels, exported as the plugin exports it.
      const request = mateSent.at(-1)!;
      expect(request.prompt).toBe(
        'Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light; 2. navy jacket; 3. remove the logo.\nNow: add a hat',
      );
      expect(request.images?.map((i) => i.role)).toEqual(['base']);
      const base = Buffer.from(request.images![0]!.data, 'base64');
      const header = readImageHeader(base)!;
      const exportAs = (id: string) =>
        other.evaluate(
          ([nodeId, height]) =>
            window.bananaPlayground.exportPngWith(nodeId, {
              format: 'PNG',
              constraint: { type: 'HEIGHT', value: height },
              useAbsoluteBounds: true,
              colorProfile: 'SRGB',
            }),
          [id, header.height] as const,
        );
      expect(request.images![0]!.data).toBe(await exportAs(t3.id));
      expect(request.images![0]!.data).not.toBe(await exportAs(t2.id));
      expect(t4Record.inputs).toEqual([
        { nodeId: t3.id, role: 'base', hash: createHash('sha1').update(base).digest('hex') },
      ]);

      // ⌘Z takes the teammate's turn away again, and the History follows.
      await openHistoryAsync(mate);
      expect(await historyRowsAsync(mate)).toHaveLength(5);
      await other.locator('button[data-action=undo]').click();
      await expect
        .poll(() => historyRowsAsync(mate))
        .toEqual(['1warmer light', '2navy jacket', '3remove the logo', '↳ 2red jacket']);
      expect((await mate.nodes()).some((n) => n.id === t4.id)).toBe(false);
      expect(otherErrors).toEqual([]);
      await other.close();
    },
  );
});

async function selectionOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.currentPage.selection.map((n) => n.id));
}

async function waitForThumbnailsAsync(pg: Playground, count: number): Promise<void> {
  await expect.poll(() => pg.panel.locator('ol.history-list .turn-thumb img').count(), { timeout: 10_000 }).toBe(count);
}
