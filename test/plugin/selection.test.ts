import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import type { SandboxMessage } from '../../core/messages.js';
import { UI_OPTIONS } from '../../plugin/create-plugin.js';
import { startPlugin } from './harness.js';

type Of<K extends SandboxMessage['type']> = Extract<SandboxMessage, { type: K }>;
const isSelection = (m: SandboxMessage): m is Of<'SELECTION_CHANGED'> => m.type === 'SELECTION_CHANGED';
const isThumbnail = (m: SandboxMessage): m is Of<'THUMBNAIL'> => m.type === 'THUMBNAIL';

describe('the panel', () => {
  it('opens at 360 × 560 with Figma’s theme colours and our title', () => {
    const { double } = startPlugin();
    expect(UI_OPTIONS).toEqual({ width: 360, height: 560, themeColors: true, title: 'Banana Studio' });
    expect(double.ui).toMatchObject({ html: '<html>panel</html>' });
  });
});

describe('selection snapshots and thumbnails', () => {
  it('answers UI_READY with the selection and then a thumbnail of it', async () => {
    const h = startPlugin();
    h.figma.currentPage.selection = [h.sample.poster];
    await h.settleAsync();
    const from = h.received().length;
    await h.sendAsync({ type: 'UI_READY' });
    const selection = await h.waitForAsync(isSelection, from);
    expect(selection).toEqual({
      type: 'SELECTION_CHANGED',
      count: 1,
      nodes: [
        {
          id: h.sample.poster.id,
          name: 'Poster',
          type: 'FRAME',
          width: 540,
          height: 675,
          hasText: true,
          hasImageFill: true,
          hasTurn: false,
          box: { x: 0, y: 0, width: 540, height: 675 },
          exportScale: 2,
          texts: [
            expect.objectContaining({ name: 'Headline', characters: 'Summer Sale', fontSize: 56, x: 40, y: 440 }),
            expect.objectContaining({ name: 'Body', fontSize: 20, x: 40, y: 520 }),
            expect.objectContaining({ name: 'CTA', characters: 'Shop now', fontSize: 22, x: 40, y: 595 }),
          ],
        },
      ],
    });
    const thumbnail = await h.waitForAsync(isThumbnail, from);
    expect(thumbnail.nodeId).toBe(h.sample.poster.id);
    // 540 × 675 fitted into 160 × 96: height-bound.
    expect(readImageHeader(thumbnail.bytes)).toEqual({ mimeType: 'image/png', width: 77, height: 96 });
    expect([thumbnail.width, thumbnail.height]).toEqual([77, 96]);
    expect(h.received().indexOf(selection)).toBeLessThan(h.received().indexOf(thumbnail));
  });

  it('posts a new snapshot when the selection changes, and none of a thumbnail for nothing', async () => {
    const h = startPlugin();
    await h.settleAsync();
    let from = h.received().length;
    h.figma.currentPage.selection = [h.sample.productShot];
    const product = await h.waitForAsync(isSelection, from);
    expect(product.nodes.map((n) => [n.name, n.hasText, n.hasImageFill])).toEqual([['Product shot', false, true]]);
    const thumbnail = await h.waitForAsync(isThumbnail, from);
    expect([thumbnail.width, thumbnail.height]).toEqual([96, 96]);

    from = h.received().length;
    h.figma.currentPage.selection = [];
    const empty = await h.waitForAsync(isSelection, from);
    expect(empty).toEqual({ type: 'SELECTION_CHANGED', nodes: [], count: 0 });
    await h.settleAsync();
    expect(h.received().slice(from).filter(isThumbnail)).toEqual([]);
  });

  it('snapshots text layers and several layers at once', async () => {
    const h = startPlugin();
    await h.settleAsync();
    const from = h.received().length;
    h.figma.currentPage.selection = [h.sample.headline, h.sample.ctaButton];
    const selection = await h.waitForAsync(isSelection, from);
    expect(selection.count).toBe(2);
    expect(selection.nodes.map((n) => [n.name, n.type, n.hasText])).toEqual([
      ['Headline', 'TEXT', true],
      ['CTA button', 'RECTANGLE', false],
    ]);
  });

  it('stops listening when closed', async () => {
    const h = startPlugin();
    await h.settleAsync();
    h.close();
    const from = h.received().length;
    h.figma.currentPage.selection = [h.sample.poster];
    await h.settleAsync();
    expect(h.received().slice(from)).toEqual([]);
  });
});
