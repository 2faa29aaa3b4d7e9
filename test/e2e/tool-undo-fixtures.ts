/**
 * What the image tools' ⌘Z tests check (docs/image-tools.md#undo-and-apply-in-place), in the playground: a tool's
 * result is a new layer beside the source with a turn record naming the tool, and one `undo()` gives back the whole
 * document as it was (`save()`: every node's state, plugin data and the images the fills use); with Apply in place the
 * source's visible image changes, its record keeps the fill it replaced, and one `undo()` gives the document back
 * byte for byte.
 */
import { expect } from 'vitest';
import type { NodeDescription } from '../../dev/figma-double/index.js';
import type { ImageToolName } from '../../core/image-tool.js';
import { page, pg, recordOf } from './precision-fixtures.js';

/** The document as a saved file: the state every comparison here is made on. */
export async function savedAsync() {
  return page.evaluate(() => window.bananaPlayground.save());
}

/** The hash of the image the layer shows: its one visible IMAGE fill, or null. */
export async function shownImageHashAsync(id: string): Promise<string | null> {
  return page.evaluate((nodeId) => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const node = figma.currentPage.findOne((n) => n.id === nodeId);
    const fills = node && 'fills' in node && Array.isArray(node.fills) ? (node.fills as readonly Paint[]) : [];
    const shown = fills.filter((paint): paint is ImagePaint => paint.type === 'IMAGE' && paint.visible !== false);
    return shown.length === 1 ? shown[0]!.imageHash : null;
  }, id);
}

/** Makes what the test drew on `window.figma` its own undo step, as a person's drawing is in Figma. */
export async function commitDrawingAsync(): Promise<void> {
  await page.evaluate(() => (window as unknown as { figma: PluginAPI }).figma.commitUndo());
}

/**
 * Presses the tool, waits for its new layer, checks it lies beside `sourceId` with a record naming `tool`, then
 * undoes once and checks the document is as it was. Returns the result as it was placed.
 */
export async function newLayerThenUndoAsync(
  sourceId: string,
  tool: ImageToolName,
  pressAsync: () => Promise<void>,
): Promise<NodeDescription> {
  const saved = await savedAsync();
  const before = await pg.nodes();
  await pressAsync();
  const result = await pg.waitForNewTopLayer(before);
  const source = before.find((n) => n.id === sourceId)!;
  // Beside the source: to its right, not over it.
  expect(result.x).toBeGreaterThanOrEqual(source.x + source.width);
  const record = await recordOf(result.id);
  expect(record.tool?.name).toBe(tool);
  expect(record.sourceNodeId).toBe(sourceId);
  expect((await pg.nodes()).length).toBe(before.length + 1);

  await page.evaluate(() => window.bananaPlayground.undo());
  expect(await savedAsync()).toEqual(saved);
  return result;
}

/**
 * With Apply in place ticked: presses the tool, waits until the source shows a new image, checks its record names
 * `tool` and keeps the replaced fill, that no layer was added, then undoes once: the document is as it was.
 */
export async function inPlaceThenUndoAsync(
  sourceId: string,
  tool: ImageToolName,
  pressAsync: () => Promise<void>,
): Promise<void> {
  const saved = await savedAsync();
  const count = (await pg.nodes()).length;
  const original = await shownImageHashAsync(sourceId);
  expect(original).not.toBeNull();
  await pressAsync();
  await expect.poll(() => shownImageHashAsync(sourceId), { timeout: 30_000 }).not.toBe(original);
  const record = await recordOf(sourceId);
  expect(record.tool?.name).toBe(tool);
  expect(record.replacedFill?.imageHash).toBe(original);
  expect((await pg.nodes()).length).toBe(count);
  await pg.panel.locator('.note').first().waitFor();

  await page.evaluate(() => window.bananaPlayground.undo());
  expect(await shownImageHashAsync(sourceId)).toBe(original);
  expect(await savedAsync()).toEqual(saved);
}

/** Ticks the Image tools card's Apply in place ("Apply tools in place"). */
export async function tickApplyInPlaceAsync(): Promise<void> {
  await pg.panel
    .getByRole('region', { name: 'Image tools' })
    .getByRole('checkbox', { name: /Apply tools in place/ })
    .check();
}
