/**
 * A shape selected alone over a frame or image layer comes with that layer as its region host
 * (plugin/find-region-host.ts, plugin/post-selection.ts), on the Figma double with the sample file: a Poster
 * (540 × 675 at 0, 0, with a CTA button inside) and a Product shot (600 × 600 at 640, 0).
 */
import { describe, expect, it } from 'vitest';
import type { SandboxMessage } from '../../core/messages.js';
import { startPlugin, type Harness } from './harness.js';

type Of<K extends SandboxMessage['type']> = Extract<SandboxMessage, { type: K }>;
const isSelection = (m: SandboxMessage): m is Of<'SELECTION_CHANGED'> => m.type === 'SELECTION_CHANGED';
const isThumbnail = (m: SandboxMessage): m is Of<'THUMBNAIL'> => m.type === 'THUMBNAIL';

function ellipseAt(h: Harness, x: number, y: number, size = 100): EllipseNode {
  const ellipse = h.figma.createEllipse();
  ellipse.resize(size, size);
  ellipse.x = x;
  ellipse.y = y;
  return ellipse;
}

async function selectAloneAsync(
  h: Harness,
  node: SceneNode,
): Promise<{ selection: Of<'SELECTION_CHANGED'>; from: number }> {
  await h.settleAsync();
  const from = h.received().length;
  h.figma.currentPage.selection = [node];
  return { selection: await h.waitForAsync(isSelection, from), from };
}

describe('the layer under a lone shape', () => {
  it('is the product shot for an ellipse drawn over it, and the thumbnail is of the product shot', async () => {
    const h = startPlugin();
    const ellipse = ellipseAt(h, 800, 150);
    const { selection, from } = await selectAloneAsync(h, ellipse);
    expect(selection.nodes.map((n) => n.id)).toEqual([ellipse.id]);
    expect(selection.count).toBe(1);
    expect(selection.regionHost).toMatchObject({
      id: h.sample.productShot.id,
      name: 'Product shot',
      hasImageFill: true,
    });
    expect((await h.waitForAsync(isThumbnail, from)).nodeId).toBe(h.sample.productShot.id);
  });

  it('is the frame a shape inside it lies on (the CTA button in the poster)', async () => {
    const h = startPlugin();
    const { selection } = await selectAloneAsync(h, h.sample.ctaButton);
    expect(selection.regionHost?.id).toBe(h.sample.poster.id);
  });

  it('is the nearer layer: a frame drawn over the product shot, under the shape', async () => {
    const h = startPlugin();
    const card = h.figma.createFrame();
    card.resize(300, 300);
    card.x = 700;
    card.y = 100;
    const ellipse = ellipseAt(h, 800, 150);
    const { selection } = await selectAloneAsync(h, ellipse);
    expect(selection.regionHost?.id).toBe(card.id);
  });

  it('is none for a shape painted below the image, over empty canvas, mostly off the image, or hidden under', async () => {
    const h = startPlugin();
    const below = ellipseAt(h, 800, 150);
    h.figma.currentPage.insertChild(0, below);
    const away = ellipseAt(h, 3000, 3000);
    const offEdge = ellipseAt(h, 1200, 100);
    const hidden = h.figma.createRectangle();
    hidden.resize(400, 400);
    hidden.x = 4000;
    hidden.fills = [{ type: 'IMAGE', imageHash: null, scaleMode: 'FILL' }];
    hidden.visible = false;
    const overHidden = ellipseAt(h, 4100, 100);
    for (const node of [below, away, offEdge, overHidden]) {
      const { selection } = await selectAloneAsync(h, node);
      expect(selection.regionHost, node.name).toBeUndefined();
    }
  });

  it('is none when the shape is selected with other layers, or the layer is not a shape', async () => {
    const h = startPlugin();
    const ellipse = ellipseAt(h, 800, 150);
    await h.settleAsync();
    let from = h.received().length;
    h.figma.currentPage.selection = [ellipse, h.sample.productShot];
    expect((await h.waitForAsync(isSelection, from)).regionHost).toBeUndefined();
    from = h.received().length;
    h.figma.currentPage.selection = [h.sample.headline];
    expect((await h.waitForAsync(isSelection, from)).regionHost).toBeUndefined();
  });
});
