/**
 * Product frames for the batch-over-a-selection runs (test/e2e/batch-selection.test.ts, bench/panel-batch.ts), added
 * to a playground page's document as a designer would draw them: each a small frame with a coloured fill, in a grid
 * right of the sample's layers with room beside each for its result. The frames at `failing` hold a text layer
 * whose words carry the Gemini double's `[double:nth-image-safety:1]` (docs/gemini-double.md): the frame's text is
 * its own context in its prompt (core/text-context-instruction.ts), so its first call is refused and the next one
 * answered.
 */
import type { Page } from 'playwright-core';

/**
 * Adds `count` product frames in a grid right of the sample's layers and returns their ids in order. The frames
 * at `failing` (0-based) hold a text layer "Tag N" with `trigger`, by default `[double:nth-image-safety:1]`: their
 * first call is refused by safety filters, the next answered.
 */
export function addProductFramesToAsync(
  page: Page,
  count: number,
  failing: readonly number[],
  tag: string,
  trigger = '[double:nth-image-safety:1]',
): Promise<string[]> {
  return page.evaluate(
    async ({ count, failing, tag, trigger }) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const frame = figma.createFrame();
        frame.name = `Product ${i + 1}`;
        frame.resize(120, 150);
        frame.x = 1300 + (i % 8) * 320;
        frame.y = Math.floor(i / 8) * 200;
        frame.fills = [{ type: 'SOLID', color: { r: ((i * 37) % 100) / 100, g: 0.6, b: 0.8 } }];
        if (failing.includes(i)) {
          const text = figma.createText();
          text.name = 'Tag';
          text.characters = `${tag} ${i + 1} ${trigger}`;
          text.fontSize = 12;
          frame.appendChild(text);
        }
        ids.push(frame.id);
      }
      return ids;
    },
    { count, failing, tag, trigger },
  );
}

/** Scrolls and zooms the playground's canvas to show these layers. */
export async function zoomToAsync(page: Page, ids: readonly string[]): Promise<void> {
  await page.evaluate(async (list) => {
    const figma = (window as unknown as { figma: PluginAPI }).figma;
    const nodes = await Promise.all(list.map((id) => figma.getNodeByIdAsync(id)));
    figma.viewport.scrollAndZoomIntoView(nodes.filter((n): n is SceneNode => n !== null && 'x' in n));
  }, ids);
}
