/** The Figma double's plugin data (private, shared and relaunch data, with Figma's size limits) and `clone`. */
import { describe, expect, it } from 'vitest';
import { PLUGIN_DATA_ENTRY_LIMIT_BYTES, pluginDataEntryBytes } from '../../dev/figma-double/index.js';
import { newDouble } from './figma-double-fixtures.js';

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
