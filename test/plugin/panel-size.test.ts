import { describe, expect, it } from 'vitest';
import { clampPanelSize, DEFAULT_PANEL_SIZE, panelSizeOrDefault } from '../../core/panel-size.js';
import { createFigmaDouble, createFakeUiPanel } from '../../dev/figma-double/index.js';
import { createPlugin } from '../../plugin/create-plugin.js';
import { loadPanelSizeAsync, PANEL_SIZE_KEY } from '../../plugin/settings-store.js';
import { startPlugin } from './harness.js';

describe('the panel size', () => {
  it('is clamped to whole pixels inside the bounds', () => {
    expect(clampPanelSize({ width: 420.4, height: 640.6 })).toEqual({ width: 420, height: 641 });
    expect(clampPanelSize({ width: 10, height: -5 })).toEqual({ width: 280, height: 360 });
    expect(clampPanelSize({ width: 99_999, height: 99_999 })).toEqual({ width: 1200, height: 1400 });
  });

  it('falls back to the default when what is kept is missing or unreadable', () => {
    expect(panelSizeOrDefault(undefined)).toEqual(DEFAULT_PANEL_SIZE);
    expect(panelSizeOrDefault({ width: 'wide', height: 3 })).toEqual(DEFAULT_PANEL_SIZE);
    expect(panelSizeOrDefault({ width: 500, height: 100 })).toEqual({ width: 500, height: 360 });
  });
});

describe('RESIZE_PANEL', () => {
  it('resizes the window while dragging and keeps the size only when the drag ends', async () => {
    const h = startPlugin();
    await h.sendAsync({ type: 'RESIZE_PANEL', width: 400, height: 600 });
    expect(h.panel.size).toEqual({ width: 400, height: 600 });
    expect(await h.figma.clientStorage.getAsync(PANEL_SIZE_KEY)).toBeUndefined();
    await h.sendAsync({ type: 'RESIZE_PANEL', width: 5000, height: 100, final: true });
    expect(h.panel.size).toEqual({ width: 1200, height: 360 });
    expect(await h.figma.clientStorage.getAsync(PANEL_SIZE_KEY)).toEqual({ width: 1200, height: 360 });
  });

  it('refuses a size that is not a pair of numbers, and leaves the window as it was', async () => {
    const h = startPlugin();
    await h.sendAsync({ type: 'RESIZE_PANEL', width: '400px', height: 600 });
    expect(h.panel.size).toEqual({ width: 360, height: 560 });
    expect(h.received().at(-1)).toMatchObject({ type: 'ERROR', error: { code: 'bad_message' } });
  });

  it('opens the panel at the kept size at the next start', async () => {
    const storage = { [PANEL_SIZE_KEY]: { width: 480, height: 700 } };
    const panel = createFakeUiPanel();
    const double = createFigmaDouble({ ui: panel, clientStorage: storage });
    createPlugin(double.figma, '<html></html>', { panelSize: await loadPanelSizeAsync(double.figma.clientStorage) });
    expect(panel.size).toEqual({ width: 480, height: 700 });
    expect(panel.shown?.options).toMatchObject({ themeColors: true, title: 'Banana Studio' });
  });
});
