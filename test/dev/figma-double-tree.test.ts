/**
 * The Figma double's node tree: moving nodes between parents, removing, finding, grouping and ungrouping, turning
 * nodes into components and instances, pages, and the top-level frame.
 */
import { describe, expect, it } from 'vitest';
import { newDouble } from './figma-double-fixtures.js';

describe('parents and children', () => {
  it('appendChild and insertChild move nodes and keep their relative position', () => {
    const { figma } = newDouble();
    const a = figma.createFrame();
    const b = figma.createFrame();
    b.x = 500;
    const r1 = figma.createRectangle();
    const r2 = figma.createRectangle();
    r1.x = 7;
    a.appendChild(r1);
    a.appendChild(r2);
    expect(a.children.map((c) => c.id)).toEqual([r1.id, r2.id]);
    a.insertChild(0, r2);
    expect(a.children.map((c) => c.id)).toEqual([r2.id, r1.id]);
    b.appendChild(r1);
    expect(r1.parent).toBe(b);
    expect(r1.x).toBe(7);
    expect(r1.absoluteTransform[0][2]).toBe(507);
    expect(a.children.map((c) => c.id)).toEqual([r2.id]);
  });

  it('children is a new frozen array each time', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.appendChild(figma.createRectangle());
    const first = frame.children;
    expect(Object.isFrozen(first)).toBe(true);
    expect(frame.children).not.toBe(first);
    expect(frame.children).toEqual(first);
  });

  it.each([
    [
      'a node into itself',
      (f: PluginAPI) => {
        const a = f.createFrame();
        a.appendChild(a);
      },
      /inside itself/,
    ],
    [
      'a frame into its own child',
      (f: PluginAPI) => {
        const a = f.createFrame();
        const b = f.createFrame();
        a.appendChild(b);
        b.appendChild(a);
      },
      /inside itself/,
    ],
    ['an index past the end', (f: PluginAPI) => f.createFrame().insertChild(3, f.createRectangle()), /out of range/],
    [
      'a page into a frame',
      (f: PluginAPI) => f.createFrame().appendChild(f.createPage() as unknown as SceneNode),
      /Pages can only be children/,
    ],
  ])('refuses to move %s', (_case, act, message) => {
    const { figma } = newDouble();
    expect(() => act(figma as unknown as PluginAPI)).toThrow(message);
  });

  it('remove() removes the subtree; using a removed node throws', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    const rect = figma.createRectangle();
    frame.appendChild(rect);
    frame.remove();
    expect(frame.removed).toBe(true);
    expect(rect.removed).toBe(true);
    expect(figma.currentPage.children).toEqual([]);
    expect(() => rect.name).toThrow(`in get_name: The node with id "${rect.id}" does not exist`);
    expect(() => frame.remove()).toThrow(/does not exist/);
  });

  it('find* search depth first, and findAllWithCriteria filters by type and plugin data keys', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    const inner = figma.createFrame();
    const rect = figma.createRectangle();
    const text = figma.createText();
    frame.appendChild(inner);
    inner.appendChild(rect);
    frame.appendChild(text);
    rect.setPluginData('turn', '1');
    text.setPluginData('other', 'x');
    expect(frame.findAll().map((n) => n.id)).toEqual([inner.id, rect.id, text.id]);
    expect(frame.findOne((n) => n.type === 'RECTANGLE')).toBe(rect);
    expect(frame.findChildren().map((n) => n.id)).toEqual([inner.id, text.id]);
    expect(frame.findChild((n) => n.type === 'TEXT')).toBe(text);
    expect(frame.findAllWithCriteria({ types: ['RECTANGLE', 'TEXT'] }).map((n) => n.id)).toEqual([rect.id, text.id]);
    expect(frame.findAllWithCriteria({ pluginData: { keys: ['turn'] } }).map((n) => n.id)).toEqual([rect.id]);
    expect(frame.findAllWithCriteria({ pluginData: {} }).map((n) => n.id)).toEqual([rect.id, text.id]);
    expect(figma.currentPage.findAllWithCriteria({ types: ['FRAME'] }).map((n) => n.id)).toEqual([frame.id, inner.id]);
  });

  it('group keeps positions, takes the bounds of its children, and vanishes when emptied', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.x = 100;
    const a = figma.createRectangle();
    const b = figma.createEllipse();
    frame.appendChild(a);
    frame.appendChild(b);
    a.x = 10;
    a.y = 10;
    a.resize(20, 20);
    b.x = 50;
    b.y = 40;
    b.resize(10, 30);
    const group = figma.group([b, a], frame);
    expect(group.type).toBe('GROUP');
    expect(group.children.map((c) => c.id)).toEqual([a.id, b.id]);
    expect([group.x, group.y, group.width, group.height]).toEqual([10, 10, 50, 60]);
    expect(a.absoluteBoundingBox).toEqual({ x: 110, y: 10, width: 20, height: 20 });
    group.x = 20;
    expect([a.x, b.x]).toEqual([20, 60]);
    a.remove();
    b.remove();
    expect(group.removed).toBe(true);
    expect(frame.children).toEqual([]);
  });
});

describe('more structure', () => {
  it("ungroup puts the children back in the group's place and removes the group", () => {
    const { figma } = newDouble();
    const before = figma.createFrame();
    const a = figma.createRectangle();
    const b = figma.createEllipse();
    b.x = 30;
    const after = figma.createFrame();
    const group = figma.group([a, b], figma.currentPage, 1);
    expect(figma.currentPage.children.map((n) => n.id)).toEqual([before.id, group.id, after.id]);
    const children = figma.ungroup(group);
    expect(children.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(group.removed).toBe(true);
    expect(figma.currentPage.children.map((n) => n.id)).toEqual([before.id, a.id, b.id, after.id]);
    expect(b.x).toBe(30);
  });

  it('createComponentFromNode wraps a non-frame node in a component of its size, in its place', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.x = 100;
    const ellipse = figma.createEllipse();
    frame.appendChild(ellipse);
    ellipse.x = 20;
    ellipse.y = 30;
    ellipse.resize(40, 50);
    const component = figma.createComponentFromNode(ellipse);
    expect(component.parent).toBe(frame);
    expect([component.x, component.y, component.width, component.height]).toEqual([20, 30, 40, 50]);
    expect(ellipse.parent).toBe(component);
    expect([ellipse.x, ellipse.y]).toEqual([0, 0]);
    expect(ellipse.absoluteBoundingBox).toEqual({ x: 120, y: 30, width: 40, height: 50 });
    const child = figma.createRectangle();
    component.appendChild(child);
    expect(() => figma.createComponentFromNode(child)).toThrow('Cannot create component from node');
  });

  it('createInstance puts the instance on the current page where the component is', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.x = 200;
    const component = figma.createComponent();
    frame.appendChild(component);
    component.x = 10;
    component.resize(64, 32);
    component.setPluginData('turn', 'mine');
    const instance = component.createInstance();
    expect(instance.parent).toBe(figma.currentPage);
    expect([instance.x, instance.width, instance.height, instance.name]).toEqual([210, 64, 32, 'Component']);
    // Instances keep their own plugin data (whether Figma inherits it from the component is unverified).
    expect(instance.getPluginData('turn')).toBe('');
  });

  it('keeps the last page and the current page', () => {
    const { figma } = newDouble();
    expect(() => figma.currentPage.remove()).toThrow('Cannot remove the last page');
    const second = figma.createPage();
    expect(() => figma.currentPage.remove()).toThrow('Cannot remove the current page');
    second.remove();
    expect(figma.root.children).toHaveLength(1);
  });

  it('getTopLevelFrame and isAsset', () => {
    const { figma } = newDouble();
    const top = figma.createFrame();
    const inner = figma.createFrame();
    top.appendChild(inner);
    const rect = figma.createRectangle();
    inner.appendChild(rect);
    expect(rect.getTopLevelFrame()).toBe(top);
    expect(top.getTopLevelFrame()).toBe(top);
    expect(rect.isAsset).toBe(false);
    const image = figma.createImage(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 2, 0, 2, 0, 0, 0, 0]));
    rect.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
    expect(rect.isAsset).toBe(true);
  });
});
