/**
 * The prompt's text context is never stale: when a text layer inside the selected frame changes its words, the
 * sandbox sends the selection again with the text as it is now (plugin/watch-history.ts), so the panel builds the
 * next prompt from it. On the Figma double with the sample file.
 */
import { describe, expect, it } from 'vitest';
import type { SandboxMessage } from '../../core/messages.js';
import { startPlugin } from './harness.js';

type Of<K extends SandboxMessage['type']> = Extract<SandboxMessage, { type: K }>;
const isSelection = (m: SandboxMessage): m is Of<'SELECTION_CHANGED'> => m.type === 'SELECTION_CHANGED';

describe('the text context of the selected frame', () => {
  it('is sent again when a text layer inside it changes its words', async () => {
    const h = startPlugin();
    h.figma.currentPage.selection = [h.sample.poster];
    await h.settleAsync();
    const from = h.received().length;
    await h.double.figma.loadFontAsync(h.sample.headline.fontName as FontName);
    h.sample.headline.characters = 'Winter Sale';
    const again = await h.waitForAsync(isSelection, from);
    expect(again.nodes[0]?.texts?.find((t) => t.name === 'Headline')?.characters).toBe('Winter Sale');
  });

  it('is not sent again for a text layer outside the selection, or for a move', async () => {
    const h = startPlugin();
    h.figma.currentPage.selection = [h.sample.productShot];
    await h.settleAsync();
    let from = h.received().length;
    await h.double.figma.loadFontAsync(h.sample.headline.fontName as FontName);
    h.sample.headline.characters = 'Winter Sale';
    await h.settleAsync();
    expect(h.received().slice(from).filter(isSelection)).toEqual([]);

    h.figma.currentPage.selection = [h.sample.poster];
    await h.settleAsync();
    from = h.received().length;
    h.sample.headline.x += 10;
    await h.settleAsync();
    expect(h.received().slice(from).filter(isSelection)).toEqual([]);
  });
});
