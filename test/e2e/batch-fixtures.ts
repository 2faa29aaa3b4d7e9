/**
 * Setup for the batch-over-a-selection tests in real Chromium (test/e2e/batch-selection.test.ts): the playground
 * against the real proxy in offline mode, a page per test, and 40 product frames added to its document as a
 * designer would draw them: each a frame with a coloured fill, and some with a price tag whose text carries a
 * Gemini double trigger (docs/gemini-double.md), so that frame's first call is refused (its text is its own
 * context in its prompt, core/text-context-instruction.ts) and a retry is answered.
 */
import type { Page } from 'playwright-core';
import type { GenerateRequest } from '../../core/proxy-schema.js';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import type { Playground } from '../support/playground.js';
import { addProductFramesToAsync } from '../support/product-frames.js';
import { usePlaygroundServers, type PlaygroundServers } from '../support/playground-servers.js';

/** The page of the running test, its playground, and every /v1/generate and /v1/batches body it sent. */
export let page: Page;
export let pg: Playground;
export let sent: GenerateRequest[];
export let submits: unknown[];
let servers: PlaygroundServers;

/** Starts the servers for the file and opens a new playground page for each test. Call once at the top of a file. */
export function useBatchPlayground(): void {
  servers = usePlaygroundServers('banana-e2e-batch-');
  servers.pagePerTest((opened) => {
    ({ page, pg, sent } = opened);
    const posted: unknown[] = [];
    opened.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/batches')) posted.push(request.postDataJSON());
    });
    submits = posted;
  });
}

/** `GET /v1/batches` as the panel's person (the playground's dev token). */
export async function listJobsAsync(): Promise<{ id: string; counts: { requests: number }; state: string }[]> {
  const response = await fetch(`${servers.proxy.url}/v1/batches`, {
    headers: { Authorization: `Bearer ${servers.proxy.devToken}` },
  });
  const body = (await response.json()) as { jobs: { id: string; counts: { requests: number }; state: string }[] };
  return body.jobs;
}

/** How many frames the tests select. */
export const FRAMES = 40;

/** Adds the product frames to the running test's page (test/support/product-frames.ts). */
export function addProductFramesAsync(
  count: number,
  failing: readonly number[],
  tag: string,
  trigger?: string,
): Promise<string[]> {
  return addProductFramesToAsync(page, count, failing, tag, trigger);
}

/** The turn record the layer `id` carries, or null. */
export async function recordOrNull(id: string): Promise<TurnRecord | null> {
  const raw = (await pg.pluginData(id))[TURN_RECORD_KEY];
  return raw ? (JSON.parse(raw) as TurnRecord) : null;
}

/** The top-level layers added since `before`. */
export async function addedSince(before: readonly NodeDescription[]): Promise<NodeDescription[]> {
  const pageId = await page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.currentPage.id);
  return (await pg.nodes()).filter((n) => n.parentId === pageId && !before.some((b) => b.id === n.id));
}

/** The panel's batch note, as text ('' while none). */
export function batchNoteText(): Promise<string> {
  return pg.panel
    .locator('.batch-note p.note')
    .innerText({ timeout: 1000 })
    .catch(() => '');
}
