/**
 * What `documentAccess: dynamic-page` means on the Figma double: the sync APIs it forbids, the async ones, pages
 * loaded on demand; and `closePlugin`, which shuts the whole API.
 */
import { describe, expect, it } from 'vitest';
import { newDouble } from './figma-double-fixtures.js';

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
