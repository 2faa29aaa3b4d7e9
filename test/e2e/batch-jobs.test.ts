/**
 * Half-price jobs as a designer lives them, in real Chromium through the playground: a Batch API job for five
 * frames goes to the proxy over HTTP (the body the panel sends), the Gemini double's Batch API finishes it, the proxy
 * restarts on the same SQLite file, and the plugin reopens on the file (a reload). The "Half-price jobs" card shows
 * the job; its results are placed beside their sources with their turn records and marked placed in the store; the
 * source deleted meanwhile is reported and its image placed anyway; the request that failed is listed; a waiting
 * job is cancelled, at the double too.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchNoteKey, type BatchNote } from '../../core/batch-note.js';
import type { BatchRequest } from '../../core/batch-schema.js';
import { FILE_KEY_KEY } from '../../core/file-key.js';
import { TURN_RECORD_KEY } from '../../core/turn-record.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import { BATCH_TOKEN, startBatchProxyAsync, type BatchProxy } from '../support/batch-proxy.js';
import { collectPageErrors, launchBrowserAsync } from '../support/browser.js';
import { openPlaygroundAsync, turnRecordOf, type Playground } from '../support/playground.js';

const SHOT = '/work/notes/shots/i17-jobs.png';
let live: BatchProxy;
let browser: Browser;
let page: Page;
let pg: Playground;
let errors: string[];

beforeAll(async () => {
  live = await startBatchProxyAsync(1);
  browser = await launchBrowserAsync();
});
afterAll(async () => {
  await browser?.close();
  await live?.closeAsync();
});

/** Three more frames beside the sample's poster and product shot; returns the five, left to right. */
async function fiveFramesAsync(): Promise<NodeDescription[]> {
  await page.evaluate(() => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    ['Hero 1', 'Hero 2', 'Hero 3'].forEach((name, i) => {
      const frame = figma.createFrame();
      frame.name = name;
      frame.resize(240, 240);
      frame.x = 100 + i * 300;
      frame.y = 900;
      frame.fills = [{ type: 'SOLID', color: { r: 0.3 * i, g: 0.5, b: 0.8 } }];
    });
  });
  const pageId = await page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.currentPage.id);
  return (await pg.nodes()).filter((n) => n.type === 'FRAME' && n.parentId === pageId);
}

async function jobBodyAsync(fileKey: string, frames: NodeDescription[], prompts: string[]): Promise<BatchRequest> {
  const requests = await Promise.all(
    frames.map(async (frame, i) => ({
      layerId: frame.id,
      prompt: prompts[i]!,
      images: [{ data: await pg.exportPng(frame.id), mimeType: 'image/png' as const, role: 'base' as const }],
    })),
  );
  return { model: 'gemini-3.1-flash-image', fileKey, imageSize: '512', requests };
}

/**
 * The job's note in the file, as the submitting panel keeps it (KEEP_BATCH_NOTE: test/plugin/batch-note.test.ts):
 * the prompt and each source's name and box.
 */
async function keepNoteAsync(jobId: string, sources: NodeDescription[]): Promise<void> {
  const layers = Object.fromEntries(
    sources.map((f) => [f.id, { name: f.name, box: { x: f.x, y: f.y, width: f.width, height: f.height } }]),
  );
  const note: BatchNote = { prompt: 'warmer light', layers };
  await setRootData(batchNoteKey(jobId), JSON.stringify(note));
}

/** Document plugin data, written in the sandbox's place. */
async function setRootData(key: string, text: string): Promise<void> {
  await page.evaluate(
    (entry) => (window as unknown as { figma: PluginAPI }).figma.root.setPluginData(entry.key, entry.text),
    { key, text },
  );
}

const results = async () => (await pg.nodes()).filter((n) => n.pluginDataKeys.includes(TURN_RECORD_KEY));
const jobRow = (id: string) => pg.panel.locator(`li.batch-job[data-job="${id}"]`);

describe('a half-price job, reopened after a restart of the proxy', () => {
  let frames: NodeDescription[];
  let doneId: string;
  let waitingId: string;

  it('is submitted for five frames and finished by the double, and the proxy restarts', async () => {
    page = await browser.newPage();
    errors = collectPageErrors(page);
    pg = await openPlaygroundAsync(page, live.proxy.url);
    await pg.panel.getByRole('button', { name: 'Settings' }).click();
    await pg.panel.getByLabel('Team token').fill(BATCH_TOKEN);
    await pg.panel.getByRole('button', { name: 'Save' }).click();
    await pg.panel.getByText('Saved.').waitFor();
    await pg.panel.getByRole('button', { name: 'Back' }).click();
    // The file's key, as the panel makes it when it submits a job (READ_FILE_KEY: test/plugin/file-key.test.ts).
    const fileKey = 'f_0123456789abcdef01234567';
    await setRootData(FILE_KEY_KEY, fileKey);
    frames = await fiveFramesAsync();
    expect(frames.map((f) => f.name)).toEqual(['Poster', 'Product shot', 'Hero 1', 'Hero 2', 'Hero 3']);
    const prompts = frames.map((_, i) => (i === 3 ? 'warmer light [double:500]' : 'warmer light'));
    const done = await live.submitAsync(await jobBodyAsync(fileKey, frames, prompts));
    doneId = done.id;
    await keepNoteAsync(doneId, frames);
    expect((await live.untilDoneAsync(doneId)).counts).toMatchObject({ succeeded: 4, failed: 1 });
    // The proxy stops and starts again on the same SQLite file; it polls no more in this test.
    await live.restartAsync(3600);
    waitingId = (await live.submitAsync(await jobBodyAsync(fileKey, frames.slice(0, 1), ['cancel me']))).id;
  });

  it('shows the job when the file is opened again, and places its results beside their sources', async () => {
    // Hero 3 is deleted before the file is opened again.
    await page.evaluate((id) => {
      (window as unknown as { figma: PluginAPI }).figma.currentPage.findOne((n) => n.id === id)!.remove();
    }, frames[4]!.id);
    await page.reload();
    await pg.panel.getByRole('button', { name: 'Generate' }).waitFor();
    const row = jobRow(doneId);
    await row.getByText('Done · 4 ready, 1 failed').waitFor();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toMatch(/\$0\.\d+ at half price/);
    await jobRow(waitingId)
      .getByText(/Waiting at Google · 1 frame · submitted just now/)
      .waitFor();
    mkdirSync('/work/notes/shots', { recursive: true });
    await page.locator('#panel').screenshot({ path: SHOT });

    await row.getByRole('button', { name: 'Place 4 results' }).click();
    await row.getByText('Placed 3 beside their frames; each is one undo step.').waitFor();
    await row.getByText('1 frame is gone from this page: Hero 3.').waitFor();
    await expect
      .poll(() => row.getByRole('list', { name: 'Failed requests' }).innerText(), { timeout: 15_000 })
      .toMatch(/^Hero 2: Gemini had an internal error/);
    const placed = await results();
    expect(placed).toHaveLength(3);
    for (const [i, result] of placed.entries()) {
      const record = await turnRecordOf(pg, result.id);
      const source = frames[i]!;
      expect(record).toMatchObject({
        prompt: 'warmer light',
        sourceNodeId: source.id,
        batchJob: { id: doneId, index: i },
      });
      expect(result.name).toBe(`${source.name} — warmer light`);
      expect(record.usage.costUsd).toBeGreaterThan(0);
      expect(result.x).toBeGreaterThanOrEqual(source.x + source.width);
      expect([result.width, result.height]).toEqual([source.width, source.height]);
    }
    const read = await live.readAsync(doneId);
    expect(read.results.map((r) => r.state)).toEqual(['placed', 'placed', 'placed', 'failed', 'ok']);
  });

  it('places the gone frame’s image anyway, once', async () => {
    const row = jobRow(doneId);
    await row.getByRole('button', { name: 'Place its image anyway' }).click();
    await expect.poll(async () => (await results()).length, { timeout: 15_000 }).toBe(4);
    await row.getByText('Done · all 4 placed, 1 failed').waitFor();
    // Where Hero 3 was, named after it.
    const anyway = (await results()).at(-1)!;
    const hero3 = frames[4]!;
    expect(anyway).toMatchObject({ name: 'Hero 3 — warmer light', x: hero3.x, y: hero3.y });
    expect(await turnRecordOf(pg, anyway.id)).toMatchObject({
      sourceNodeId: hero3.id,
      batchJob: { id: doneId, index: 4 },
    });
    expect((await live.readAsync(doneId)).job.counts.placed).toBe(4);
    await page.locator('#panel').screenshot({ path: SHOT.replace('.png', '-placed.png') });
    await row.getByRole('button', { name: 'Dismiss' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('cancels the waiting job at Google, billing nothing', async () => {
    const row = jobRow(waitingId);
    await row.getByRole('button', { name: 'Cancel job' }).click();
    await row.getByText('Cancelled at Google; nothing of it was billed.').waitFor();
    await row.getByText(/^Cancelled · nothing billed$/).waitFor();
    const atDouble = [...live.double.batches.values()].find((j) => j.displayName === `banana-${waitingId}`);
    expect(atDouble?.state).toBe('BATCH_STATE_CANCELLED');
    expect(live.double.requests.some((r) => r.path === `/v1beta/${atDouble!.name}:cancel`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
