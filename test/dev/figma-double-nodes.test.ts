import { describe, expect, it } from 'vitest';
import {
  createFigmaDouble,
  PLUGIN_DATA_ENTRY_LIMIT_BYTES,
  pluginDataEntryBytes,
} from '../../dev/figma-double/index.js';

const newDouble = () => createFigmaDouble({ pluginId: 'test-plugin' });

describe('node creation', () => {
  it.each([
    ['createFrame', 'FRAME', 'Frame', 100, 100, { r: 1, g: 1, b: 1 }],
    [
      'createRectangle',
      'RECTANGLE',
      'Rectangle',
      100,
      100,
      { r: 0.8509804010391235, g: 0.8509804010391235, b: 0.8509804010391235 },
    ],
    [
      'createEllipse',
      'ELLIPSE',
      'Ellipse',
      100,
      100,
      { r: 0.8509804010391235, g: 0.8509804010391235, b: 0.8509804010391235 },
    ],
    ['createComponent', 'COMPONENT', 'Component', 100, 100, { r: 1, g: 1, b: 1 }],
    ['createText', 'TEXT', 'Text', 0, 14.399999999999999, { r: 0, g: 0, b: 0 }],
  ] as const)('%s makes a %s named %s, %d×%d, on the current page', (method, type, name, width, height, color) => {
    const { figma } = newDouble();
    const node = figma[method]();
    expect(node.type).toBe(type);
    expect(node.name).toBe(name);
    expect([node.x, node.y, node.width, node.height]).toEqual([0, 0, width, height]);
    expect(node.parent).toBe(figma.currentPage);
    expect(node.removed).toBe(false);
    expect(node.visible).toBe(true);
    expect(node.locked).toBe(false);
    expect(node.rotation).toBe(0);
    expect(node.fills).toEqual([{ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color }]);
    expect(figma.currentPage.children.at(-1)).toBe(node);
  });

  it('gives every node a unique id in "session:local" form', () => {
    const { figma } = newDouble();
    const ids = [figma.createFrame(), figma.createRectangle(), figma.createEllipse(), figma.createText()].map(
      (n) => n.id,
    );
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^\d+:\d+$/);
    expect(figma.root.id).toBe('0:0');
    expect(figma.currentPage.id).toBe('0:1');
  });
});

describe('geometry', () => {
  it('x, y, resize and rotation update the transforms and boxes', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.x = 100;
    frame.y = 50;
    frame.resize(200, 100);
    const rect = figma.createRectangle();
    frame.appendChild(rect);
    rect.x = 10;
    rect.y = 20;
    rect.resize(30, 40);
    expect(rect.relativeTransform).toEqual([
      [1, 0, 10],
      [0, 1, 20],
    ]);
    expect(rect.absoluteTransform).toEqual([
      [1, 0, 110],
      [0, 1, 70],
    ]);
    expect(rect.absoluteBoundingBox).toEqual({ x: 110, y: 70, width: 30, height: 40 });
    rect.rotation = 90;
    expect(rect.rotation).toBe(90);
    expect([rect.x, rect.y]).toEqual([10, 20]);
    // Positive rotation turns counter-clockwise about the top-left corner (y down), so the box goes up.
    expect(rect.absoluteBoundingBox).toEqual({ x: 110, y: 40, width: 40, height: 30 });
  });

  it.each([
    [0, 1],
    [-5, 10],
    [10, 0.001],
    [Number.NaN, 5],
  ])('resize(%d, %d) is refused', (w, h) => {
    const { figma } = newDouble();
    expect(() => figma.createRectangle().resize(w, h)).toThrow(/resize/);
  });

  it('render bounds include unclipped overflow and outside strokes; hidden nodes have none', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.resize(100, 100);
    frame.clipsContent = false;
    const child = figma.createRectangle();
    frame.appendChild(child);
    child.x = 80;
    child.resize(50, 10);
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 130, height: 100 });
    frame.clipsContent = true;
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    child.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
    child.strokeWeight = 4;
    child.strokeAlign = 'OUTSIDE';
    expect(child.absoluteRenderBounds).toEqual({ x: 76, y: -4, width: 58, height: 18 });
    child.visible = false;
    expect(child.absoluteRenderBounds).toBeNull();
    expect(child.absoluteBoundingBox).toEqual({ x: 80, y: 0, width: 50, height: 10 });
  });
});

describe('paints', () => {
  it('fills are frozen copies with defaults filled in', () => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    const paints: Paint[] = [{ type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 }, opacity: 0.5 }];
    rect.fills = paints;
    const fills = rect.fills as readonly SolidPaint[];
    expect(fills).toEqual([
      { type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 }, opacity: 0.5, visible: true, blendMode: 'NORMAL' },
    ]);
    expect(Object.isFrozen(fills)).toBe(true);
    expect(Object.isFrozen(fills[0])).toBe(true);
    expect(Object.isFrozen(fills[0]!.color)).toBe(true);
    expect(fills[0]).not.toBe(paints[0]);
  });

  it.each([
    ['not an array', 'red', /Expected an array of paints/],
    ['unknown type', [{ type: 'PLAID' }], /Invalid paint type/],
    ['channel above 1', [{ type: 'SOLID', color: { r: 2, g: 0, b: 0 } }], /color\.r/],
    [
      'alpha in a SOLID colour',
      [{ type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } }],
      /Unrecognized key\(s\) in object: 'a'/,
    ],
    ['opacity above 1', [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 1.5 }], /opacity/],
    ['bad scale mode', [{ type: 'IMAGE', imageHash: null, scaleMode: 'STRETCH' }], /scaleMode/],
    ['unknown image hash', [{ type: 'IMAGE', imageHash: 'ab'.repeat(20), scaleMode: 'FILL' }], /does not exist/],
    [
      'gradient without stops',
      [
        {
          type: 'GRADIENT_LINEAR',
          gradientTransform: [
            [1, 0, 0],
            [0, 1, 0],
          ],
          gradientStops: [],
        },
      ],
      /gradientStops/,
    ],
  ])('assigning fills with %s throws', (_case, value, message) => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    expect(() => {
      rect.fills = value as unknown as Paint[];
    }).toThrow(message);
    expect((rect.fills as Paint[]).length).toBe(1);
  });
});

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

describe('plugin data', () => {
  it('reads "" for missing keys, deletes with "", lists keys', () => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    expect(rect.getPluginData('turn')).toBe('');
    rect.setPluginData('turn', '{"v":1}');
    rect.setPluginData('meta', 'x');
    expect(rect.getPluginData('turn')).toBe('{"v":1}');
    expect(rect.getPluginDataKeys()).toEqual(['turn', 'meta']);
    rect.setPluginData('turn', '');
    expect(rect.getPluginDataKeys()).toEqual(['meta']);
  });

  it.each([
    ['exactly at the limit', 0, true],
    ['one byte over', 1, false],
  ])('an entry %s (pluginId + key + value) is %s', (_case, extra, accepted) => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    const key = 'history';
    const value = 'x'.repeat(PLUGIN_DATA_ENTRY_LIMIT_BYTES - 'test-plugin'.length - key.length + extra);
    expect(pluginDataEntryBytes('test-plugin', key, value)).toBe(PLUGIN_DATA_ENTRY_LIMIT_BYTES + extra);
    if (accepted) {
      rect.setPluginData(key, value);
      expect(rect.getPluginData(key).length).toBe(value.length);
    } else {
      expect(() => rect.setPluginData(key, value)).toThrow(
        /in setPluginData: Plugin data entry is too large.*cannot exceed 100 kB/,
      );
      expect(rect.getPluginData(key)).toBe('');
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    const value = 'é'.repeat(50_000); // 100 000 bytes
    expect(() => rect.setPluginData('k', value)).toThrow(/too large/);
  });

  it('shared plugin data needs a 3+ character namespace and is separate per namespace', () => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    rect.setSharedPluginData('banana', 'k', 'v');
    expect(rect.getSharedPluginData('banana', 'k')).toBe('v');
    expect(rect.getSharedPluginData('other', 'k')).toBe('');
    expect(rect.getSharedPluginDataKeys('banana')).toEqual(['k']);
    expect(() => rect.setSharedPluginData('ab', 'k', 'v')).toThrow(/namespace/);
    expect(rect.getPluginData('k')).toBe('');
  });

  it('relaunch data is replaced as a whole and cleared with {}', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.setRelaunchData({ open: 'Edited with Banana Studio · 3 turns' });
    expect(frame.getRelaunchData()).toEqual({ open: 'Edited with Banana Studio · 3 turns' });
    frame.setRelaunchData({});
    expect(frame.getRelaunchData()).toEqual({});
    expect(() => frame.setRelaunchData({ open: 'x'.repeat(1001) })).toThrow(/1000/);
  });
});

describe('clone', () => {
  it('copies the subtree and plugin data with new ids, right above the original', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    const rect = figma.createRectangle();
    frame.appendChild(rect);
    frame.setPluginData('turn', 'abc');
    rect.setSharedPluginData('banana', 'role', 'base');
    const other = figma.createEllipse();
    const copy = frame.clone();
    expect(copy.id).not.toBe(frame.id);
    expect(copy.getPluginData('turn')).toBe('abc');
    expect(copy.children).toHaveLength(1);
    const copiedRect = copy.children[0]!;
    expect(copiedRect.id).not.toBe(rect.id);
    expect(copiedRect.getSharedPluginData('banana', 'role')).toBe('base');
    expect(figma.currentPage.children.map((n) => n.id)).toEqual([frame.id, copy.id, other.id]);
    copy.setPluginData('turn', 'changed');
    expect(frame.getPluginData('turn')).toBe('abc');
  });
  it('puts a copy of a node from another page on the current page', async () => {
    const { figma } = newDouble();
    const other = figma.createPage();
    const frame = figma.createFrame();
    other.appendChild(frame);
    const copy = frame.clone();
    expect(copy.parent).toBe(figma.currentPage);
    expect(other.children).toEqual([frame]);
  });
});

describe('dynamic-page', () => {
  it.each([
    [
      'getNodeById',
      (f: PluginAPI) => f.getNodeById('0:1'),
      'Cannot call getNodeById with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.',
    ],
    ['getStyleById', (f: PluginAPI) => f.getStyleById('S:1'), 'Use figma.getStyleByIdAsync instead.'],
    [
      'currentPage setter',
      (f: PluginAPI) => (f.currentPage = f.createPage()),
      'Use figma.setCurrentPageAsync instead.',
    ],
    [
      'root.findAll before loadAllPagesAsync',
      (f: PluginAPI) => f.root.findAll(),
      'without first calling figma.loadAllPagesAsync()',
    ],
    [
      "on('documentchange') before loadAllPagesAsync",
      (f: PluginAPI) => f.on('documentchange', () => undefined),
      'loadAllPagesAsync',
    ],
  ])('%s throws', (_case, act, message) => {
    const { figma } = newDouble();
    expect(() => act(figma as unknown as PluginAPI)).toThrow(message);
  });

  it('instance.mainComponent and component.instances throw; their async forms work', async () => {
    const { figma } = newDouble();
    const component = figma.createComponent();
    const instance = component.createInstance();
    expect(() => instance.mainComponent).toThrow('Use node.getMainComponentAsync instead.');
    expect(() => component.instances).toThrow('Use node.getInstancesAsync instead.');
    expect(await instance.getMainComponentAsync()).toBe(component);
    expect(await component.getInstancesAsync()).toEqual([instance]);
  });

  it('getNodeByIdAsync finds nodes, loads their page, and gives null for removed or unknown ids', async () => {
    const { figma } = newDouble();
    const page = figma.createPage();
    await page.loadAsync();
    const rect = figma.createRectangle();
    page.appendChild(rect);
    expect(await figma.getNodeByIdAsync(rect.id)).toBe(rect);
    expect(await figma.getNodeByIdAsync('99:99')).toBeNull();
    rect.remove();
    expect(await figma.getNodeByIdAsync(rect.id)).toBeNull();
  });

  it('other pages need loadAsync before children, appendChild and exportAsync', async () => {
    const { figma, load, serialize } = newDouble();
    const second = figma.createPage();
    second.appendChild(figma.createFrame());
    // Reopen the file: only the current page is loaded.
    load(serialize());
    const page = figma.root.children[1]!;
    expect(() => page.children).toThrow(/Call `await page.loadAsync\(\)`/);
    expect(() => page.appendChild(figma.createRectangle())).toThrow(/has not been explored/);
    await expect(page.exportAsync()).rejects.toThrow(/has not been explored/);
    await page.loadAsync();
    expect(page.children.map((c) => c.type)).toEqual(['FRAME']);
    await figma.loadAllPagesAsync();
    expect(figma.root.findAll((n) => n.type === 'FRAME')).toHaveLength(1);
  });

  it('setCurrentPageAsync switches and loads the page', async () => {
    const { figma, load, serialize } = newDouble();
    figma.createPage().name = 'Second';
    load(serialize());
    const second = figma.root.children[1]!;
    await figma.setCurrentPageAsync(second);
    expect(figma.currentPage).toBe(second);
    expect(second.children).toEqual([]);
  });
});

describe('text', () => {
  it('needs its font loaded before characters change, like Figma', async () => {
    const { figma } = newDouble();
    const text = figma.createText();
    expect(() => (text.characters = 'Hi')).toThrow(
      'in set_characters: Cannot write to node with unloaded font "Inter Regular". Please call figma.loadFontAsync({ family: "Inter", style: "Regular" }) and await the returned promise first.',
    );
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    text.characters = 'Hello';
    text.fontSize = 20;
    expect(text.characters).toBe('Hello');
    expect(text.name).toBe('Hello');
    // Approximate metrics: 0.6 em per character, 1.2 em per line.
    expect([text.width, text.height]).toEqual([60, 24]);
    expect(() => (text.fontName = { family: 'Roboto', style: 'Bold' })).toThrow(/unloaded font "Roboto Bold"/);
    await expect(figma.loadFontAsync({ family: 'Comic Sans', style: 'Regular' })).rejects.toThrow(
      /could not be loaded/,
    );
  });

  it('wraps in HEIGHT mode and keeps an explicit name', async () => {
    const { figma } = newDouble();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const text = figma.createText();
    text.name = 'Body';
    text.fontSize = 10;
    text.textAutoResize = 'HEIGHT';
    text.resize(30, 12);
    text.characters = 'aaaa bbbb cccc';
    expect(text.name).toBe('Body');
    expect(text.width).toBe(30);
    expect(text.height).toBe(36);
  });
});

describe('vectors', () => {
  it('take their box from the path bounds', () => {
    const { figma } = newDouble();
    const vector = figma.createVector();
    vector.vectorPaths = [{ windingRule: 'EVENODD', data: 'M 10 20 L 110 20 L 60 120 Z' }];
    expect([vector.x, vector.y, vector.width, vector.height]).toEqual([10, 20, 100, 100]);
    expect(vector.vectorPaths).toEqual([{ windingRule: 'EVENODD', data: 'M 10 20 L 110 20 L 60 120 Z' }]);
    expect(() => (vector.vectorPaths = [{ windingRule: 'NONZERO', data: 'M 0 0 X 1 1' }])).toThrow(/Invalid path data/);
  });
});

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

describe('closePlugin', () => {
  it('runs close listeners, records the message, and shuts the API', async () => {
    const double = newDouble();
    const { figma } = double;
    const rect = figma.createRectangle();
    const storage = figma.clientStorage;
    let closed = 0;
    figma.on('close', () => closed++);
    figma.closePlugin('Done');
    expect(closed).toBe(1);
    expect(double.closed).toEqual({ message: 'Done' });
    expect(() => figma.currentPage).toThrow('in get_currentPage: The plugin has been closed.');
    expect(() => figma.createFrame()).toThrow(/The plugin has been closed/);
    expect(() => rect.name).toThrow(/The plugin has been closed/);
    await expect(storage.getAsync('k')).rejects.toThrow(/closed/);
  });
});
