/**
 * What a snapshot tells the panel about layers it offers something else for (plugin/snapshot-node.ts): a text layer
 * names its frame, a component set its variants. On the Figma double with the sample file.
 */
import { describe, expect, it } from 'vitest';
import type { SandboxMessage } from '../../core/messages.js';
import { startPlugin } from './harness.js';

type Of<K extends SandboxMessage['type']> = Extract<SandboxMessage, { type: K }>;
const isSelection = (m: SandboxMessage): m is Of<'SELECTION_CHANGED'> => m.type === 'SELECTION_CHANGED';

describe('snapshots of text layers and component sets', () => {
  it('a text layer names the frame it is in, through a group', async () => {
    const h = startPlugin();
    await h.settleAsync();
    let from = h.received().length;
    h.figma.currentPage.selection = [h.sample.headline];
    expect((await h.waitForAsync(isSelection, from)).nodes[0]?.frame).toEqual({
      id: h.sample.poster.id,
      name: 'Poster',
    });

    const group = h.double.figma.group([h.sample.cta], h.sample.poster);
    await h.settleAsync();
    from = h.received().length;
    h.figma.currentPage.selection = [h.sample.cta];
    const cta = (await h.waitForAsync(isSelection, from)).nodes[0]!;
    expect(group.type).toBe('GROUP');
    expect(cta.frame).toEqual({ id: h.sample.poster.id, name: 'Poster' });
  });

  it('a text layer on the page names no frame', async () => {
    const h = startPlugin();
    const note = h.double.figma.createText();
    await h.settleAsync();
    const from = h.received().length;
    h.figma.currentPage.selection = [note];
    const snapshot = (await h.waitForAsync(isSelection, from)).nodes[0]!;
    expect(snapshot.type).toBe('TEXT');
    expect(snapshot.frame).toBeUndefined();
  });

  it('a component set lists its variants', async () => {
    const h = startPlugin();
    const figma = h.double.figma;
    const components = ['State=Default', 'State=Hover'].map((name) => {
      const component = figma.createComponent();
      component.name = name;
      return component;
    });
    const set = figma.combineAsVariants(components, figma.currentPage);
    set.name = 'Buttons';
    await h.settleAsync();
    const from = h.received().length;
    h.figma.currentPage.selection = [set];
    const snapshot = (await h.waitForAsync(isSelection, from)).nodes[0]!;
    expect(snapshot).toMatchObject({
      type: 'COMPONENT_SET',
      variantCount: 2,
      variants: components.map((c) => ({ id: c.id, name: c.name })),
    });
  });
});
