/** The Figma double's components: variants and their properties, instances, publish status. */
import { describe, expect, it } from 'vitest';
import { newDouble } from './figma-double-fixtures.js';

describe('components and variants', () => {
  it('combineAsVariants builds properties and definitions from the names', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.resize(1000, 1000);
    const names = ['Style=Warm, Size=Small', 'Style=Cool, Size=Small', 'Style=Warm, Size=Large'];
    const components = names.map((name, i) => {
      const c = figma.createComponent();
      c.name = name;
      frame.appendChild(c);
      c.x = 100 + i * 120;
      c.y = 50 + (i === 0 ? 0 : 10);
      return c;
    });
    const set = figma.combineAsVariants(components, frame);
    expect(set.type).toBe('COMPONENT_SET');
    expect(set.parent).toBe(frame);
    expect(set.children.map((c) => c.id)).toEqual(components.map((c) => c.id));
    expect([set.x, set.y, set.width, set.height]).toEqual([100, 50, 340, 110]);
    expect(components[1]!.absoluteTransform[0][2]).toBe(220);
    expect(components[0]!.variantProperties).toEqual({ Style: 'Warm', Size: 'Small' });
    expect(set.defaultVariant).toBe(components[0]);
    expect(set.componentPropertyDefinitions).toEqual({
      Style: { type: 'VARIANT', defaultValue: 'Warm', variantOptions: ['Warm', 'Cool'] },
      Size: { type: 'VARIANT', defaultValue: 'Small', variantOptions: ['Small', 'Large'] },
    });
    expect(set.variantGroupProperties).toEqual({
      Style: { values: ['Warm', 'Cool'] },
      Size: { values: ['Small', 'Large'] },
    });
    expect(() => components[0]!.componentPropertyDefinitions).toThrow(/component set/);
  });

  it('names without Prop=Value become "Property 1=<name>"', () => {
    const { figma } = newDouble();
    const a = figma.createComponent();
    const b = figma.createComponent();
    a.name = 'Variant A';
    b.name = 'Variant B';
    const set = figma.combineAsVariants([a, b], figma.currentPage);
    expect(a.name).toBe('Property 1=Variant A');
    expect(set.componentPropertyDefinitions['Property 1']!.variantOptions).toEqual(['Variant A', 'Variant B']);
  });

  it.each([
    ['an empty list', (f: PluginAPI) => f.combineAsVariants([], f.currentPage), /non-empty/],
    [
      'a frame',
      (f: PluginAPI) => f.combineAsVariants([f.createFrame() as unknown as ComponentNode], f.currentPage),
      /components/,
    ],
  ])('combineAsVariants refuses %s', (_case, act, message) => {
    const { figma } = newDouble();
    expect(() => act(figma as unknown as PluginAPI)).toThrow(message);
  });

  it('createComponentFromNode converts a frame in place and refuses components', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.name = 'Result';
    frame.x = 40;
    frame.setPluginData('turn', 't1');
    const child = figma.createRectangle();
    frame.appendChild(child);
    const component = figma.createComponentFromNode(frame);
    expect(frame.removed).toBe(true);
    expect([component.type, component.name, component.x, component.getPluginData('turn')]).toEqual([
      'COMPONENT',
      'Result',
      40,
      't1',
    ]);
    expect(component.children).toEqual([child]);
    expect(() => figma.createComponentFromNode(component)).toThrow(
      'in createComponentFromNode: Cannot create component from node',
    );
  });

  it('getPublishStatusAsync says UNPUBLISHED: the double has no library, and plugins cannot publish', async () => {
    const { figma } = newDouble();
    const a = figma.createComponent();
    const b = figma.createComponent();
    const set = figma.combineAsVariants([a, b], figma.currentPage);
    expect(await set.getPublishStatusAsync()).toBe('UNPUBLISHED');
    expect(await a.getPublishStatusAsync()).toBe('UNPUBLISHED');
    set.remove();
    await expect(set.getPublishStatusAsync()).rejects.toThrow(/does not exist/);
  });

  it('instances copy the component with Figma-style sublayer ids, and variant properties', () => {
    const { figma } = newDouble();
    const a = figma.createComponent();
    a.name = 'Tone=Warm';
    const rect = figma.createRectangle();
    a.appendChild(rect);
    const b = figma.createComponent();
    b.name = 'Tone=Cool';
    figma.combineAsVariants([a, b], figma.currentPage);
    const instance = a.createInstance();
    expect(instance.type).toBe('INSTANCE');
    expect(instance.children[0]!.id).toBe(`I${instance.id};${rect.id}`);
    expect(instance.variantProperties).toEqual({ Tone: 'Warm' });
    expect(instance.componentProperties).toEqual({ Tone: { type: 'VARIANT', value: 'Warm' } });
    expect(() => instance.children[0]!.remove()).toThrow(/inside an instance/);
    expect(() => instance.appendChild(figma.createRectangle())).toThrow(/New parent is an instance/);
  });

  it('cloning a frame that holds a component makes an instance of it', async () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    const component = figma.createComponent();
    frame.appendChild(component);
    const copy = frame.clone();
    const inner = copy.children[0] as InstanceNode;
    expect(inner.type).toBe('INSTANCE');
    expect(await inner.getMainComponentAsync()).toBe(component);
  });
});
