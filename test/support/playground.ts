/** Drives the browser playground (`/playground`) the way a person would, plus `window.bananaPlayground` to look. */
import type { FrameLocator, Page } from 'playwright-core';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import type { PlaygroundApi } from '../../dev/playground/playground-api.js';

export interface Playground {
  page: Page;
  panel: FrameLocator;
  nodes(): Promise<NodeDescription[]>;
  select(ids: string[]): Promise<void>;
  exportPng(id: string): Promise<string>;
  pluginData(id: string): Promise<Record<string, string>>;
  /** Base64 of the bytes of the layer's IMAGE fill, as `figma.createImage` got them, or null without one. */
  imageFillBytes(id: string): Promise<string | null>;
  /** Types a prompt and presses Generate. */
  generate(prompt: string): Promise<void>;
  /** Waits until the document has `count` nodes. */
  waitForNodeCount(count: number): Promise<void>;
  /** Waits for a new result on the page (not in `before`, with a turn record) and returns it (it may hold live text). */
  waitForNewTopLayer(before: readonly NodeDescription[]): Promise<NodeDescription>;
}

export async function openPlaygroundAsync(page: Page, proxyUrl: string): Promise<Playground> {
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${proxyUrl}/playground`);
  await page.waitForFunction(() => 'bananaPlayground' in window);
  const panel = page.frameLocator('#panel');
  await panel.getByRole('button', { name: 'Generate' }).waitFor();
  const playground: Playground = {
    page,
    panel,
    nodes: () => page.evaluate(() => window.bananaPlayground.nodes()),
    select: (ids) => page.evaluate((list) => window.bananaPlayground.select(list), ids),
    exportPng: (id) => page.evaluate((nodeId) => window.bananaPlayground.exportPng(nodeId), id),
    pluginData: (id) => page.evaluate((nodeId) => window.bananaPlayground.pluginData(nodeId), id),
    imageFillBytes: (id) =>
      page.evaluate(async (nodeId) => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        const node = figma.currentPage.findOne((n) => n.id === nodeId);
        const fills = node && 'fills' in node && Array.isArray(node.fills) ? (node.fills as readonly Paint[]) : [];
        const hash = fills.find((paint): paint is ImagePaint => paint.type === 'IMAGE')?.imageHash;
        const bytes = hash ? await figma.getImageByHash(hash)?.getBytesAsync() : undefined;
        if (!bytes) return null;
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      }, id),
    async generate(prompt) {
      await panel.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
      await panel.getByRole('button', { name: 'Generate' }).click();
    },
    async waitForNodeCount(count) {
      await page.waitForFunction((n) => window.bananaPlayground.nodes().length === n, count, { timeout: 20_000 });
    },
    async waitForNewTopLayer(before) {
      const known = before.map((n) => n.id);
      // A result carries its turn record; the sandbox's temporary export layers (a copy with its text hidden, a
      // region's mask frame) come and go on the page meanwhile, as in Figma, and carry none.
      const handle = await page.waitForFunction(
        ({ ids, key }) => {
          const pageId = (window as unknown as { figma: PluginAPI }).figma.currentPage.id;
          const api = window.bananaPlayground;
          return (
            api.nodes().find((n) => n.parentId === pageId && !ids.includes(n.id) && key in api.pluginData(n.id)) ?? null
          );
        },
        { ids: known, key: TURN_RECORD_KEY },
        { timeout: 30_000 },
      );
      return (await handle.jsonValue()) as NodeDescription;
    },
  };
  return playground;
}

/** Generates with the prompt and returns the layer it added, once the panel shows it as the selected turn. */
export async function generateTurnAsync(pg: Playground, prompt: string, turnNumber: number): Promise<NodeDescription> {
  const before = await pg.nodes();
  await pg.generate(prompt);
  const made = await pg.waitForNewTopLayer(before);
  await pg.panel.getByText(`AI-generated · turn ${turnNumber}.`).waitFor();
  return made;
}

/** The turn record a layer carries in its plugin data. */
export async function turnRecordOf(pg: Playground, id: string): Promise<TurnRecord> {
  return JSON.parse((await pg.pluginData(id))[TURN_RECORD_KEY]!) as TurnRecord;
}

declare global {
  interface Window {
    bananaPlayground: PlaygroundApi;
  }
}
